// Progressive enhancement: on narrow screens the main menu (and the search
// box) fold behind a button, and drawers (the suitcase's filters) start closed.
(function () {
    document.documentElement.classList.add("js");
    var narrow = window.matchMedia("(max-width: 40rem)");

    var drawers = document.querySelectorAll("details[data-drawer]");
    function syncDrawers() {
        for (var i = 0; i < drawers.length; i++) drawers[i].open = !narrow.matches;
    }
    if (drawers.length) {
        narrow.addEventListener("change", syncDrawers);
        syncDrawers();
    }

    var header = document.querySelector(".site-header");
    var toggle = document.querySelector(".site-nav__toggle");
    var list = document.getElementById("site-nav-list");
    if (!header || !toggle || !list) return;
    function sync() {
        var open = toggle.getAttribute("aria-expanded") === "true";
        if (narrow.matches) {
            toggle.hidden = false;
            list.dataset.collapsed = open ? "false" : "true";
            header.classList.toggle("is-menu-open", open);
        } else {
            toggle.hidden = true;
            list.dataset.collapsed = "false";
            header.classList.remove("is-menu-open");
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
