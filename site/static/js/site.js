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
