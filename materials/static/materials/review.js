// Progressive enhancement of the side-by-side review of a chapter.
// Without JavaScript every block shows source and translation stacked (each
// labelled) and the comment icon is a link that opens the page with that
// block's comment form.
(function () {
    var view = document.querySelector("[data-side-by-side]");
    if (!view) return;

    // On a phone: a switch between the source and the translation.
    var tabs = view.querySelector(".side-by-side__tabs");
    var buttons = tabs ? tabs.querySelectorAll("button[data-show]") : [];
    function show(side) {
        view.setAttribute("data-show", side);
        buttons.forEach(function (button) {
            button.setAttribute("aria-pressed", button.getAttribute("data-show") === side ? "true" : "false");
        });
    }
    if (tabs) {
        tabs.hidden = false;
        buttons.forEach(function (button) {
            button.addEventListener("click", function () { show(button.getAttribute("data-show")); });
        });
        show("source");
    }

    // The comment icon in the margin opens the comment form of its block.
    var template = document.getElementById("review-comment-form");
    if (!template) return;
    view.querySelectorAll("[data-comment-block]").forEach(function (link) {
        var blockId = link.getAttribute("data-comment-block");
        var row = document.getElementById("block-" + blockId);
        var place = row && row.querySelector(".side-by-side__comments");
        if (!place) return;
        link.setAttribute("role", "button");
        link.setAttribute("aria-controls", "comment-" + blockId);
        link.setAttribute("aria-expanded", place.querySelector("form.side-by-side__comment-form") ? "true" : "false");
        link.addEventListener("click", function (event) {
            event.preventDefault();
            var form = place.querySelector("form.side-by-side__comment-form");
            if (form) {
                var open = form.hidden;
                form.hidden = !open;
                link.setAttribute("aria-expanded", open ? "true" : "false");
                if (open) form.querySelector("textarea").focus();
                return;
            }
            form = template.content.firstElementChild.cloneNode(true);
            form.setAttribute("action", "#block-" + blockId);
            form.querySelector("input[name=block_id]").value = blockId;
            form.querySelector("label").setAttribute("for", "comment-" + blockId);
            form.querySelector("textarea").id = "comment-" + blockId;
            place.appendChild(form);
            link.setAttribute("aria-expanded", "true");
            form.querySelector("textarea").focus();
        });
        link.addEventListener("keydown", function (event) {
            if (event.key === " ") { event.preventDefault(); link.click(); }
        });
    });
})();
