// Progressive enhancement: on narrow screens the main menu folds behind a button.
(function () {
    document.documentElement.classList.add("js");
    var toggle = document.querySelector(".site-nav__toggle");
    var list = document.getElementById("site-nav-list");
    if (!toggle || !list) return;
    var narrow = window.matchMedia("(max-width: 40rem)");
    function sync() {
        if (narrow.matches) {
            toggle.hidden = false;
            list.dataset.collapsed = toggle.getAttribute("aria-expanded") === "true" ? "false" : "true";
        } else {
            toggle.hidden = true;
            list.dataset.collapsed = "false";
        }
    }
    toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", open ? "false" : "true");
        sync();
    });
    narrow.addEventListener("change", sync);
    sync();
})();
