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

// "Add a link" in the focal-point editor: one more empty link form, from the
// formset's template (without JavaScript the form always ends with one empty link).
(function () {
    var button = document.querySelector("[data-add-link]");
    var template = document.getElementById("empty-link-form");
    var total = document.getElementById("id_form-TOTAL_FORMS");
    var max = document.getElementById("id_form-MAX_NUM_FORMS");
    if (!button || !template || !total) return;
    button.hidden = false;
    button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        if (max && index >= parseInt(max.value, 10)) return;
        var html = template.innerHTML.replace(/__prefix__/g, String(index))
            .replace(/__number__/g, String(index + 1));
        button.closest("p").insertAdjacentHTML("beforebegin", html);
        total.value = String(index + 1);
        var fields = document.querySelectorAll(".link-fieldset");
        var input = fields[fields.length - 1].querySelector("select, input");
        if (input) input.focus();
    });
})();
