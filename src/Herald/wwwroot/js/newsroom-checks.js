// Editorial checks beside the text: for every textarea[data-checks], asks Herald what an editor
// should fix (unbalanced quotes, run-together sentences, ...) a moment after typing stops, and
// lists the warnings; each one selects its place in the text when clicked.
(function () {
    "use strict";
    document.querySelectorAll("textarea[data-checks]").forEach(function (textarea) {
        var list = document.getElementById(textarea.dataset.checks);
        if (!list) {
            return;
        }
        var timer = null;
        var run = function () {
            fetch("/newsroom/checks", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                credentials: "same-origin",
                body: JSON.stringify({ text: textarea.value })
            }).then(function (response) {
                return response.ok ? response.json() : [];
            }).then(function (warnings) {
                list.replaceChildren();
                warnings.forEach(function (warning) {
                    var item = document.createElement("li");
                    var button = document.createElement("button");
                    button.type = "button";
                    button.className = "check check-" + warning.rule;
                    button.textContent = warning.message;
                    button.addEventListener("click", function () {
                        textarea.focus();
                        textarea.setSelectionRange(warning.start, warning.end);
                    });
                    item.append(button);
                    list.append(item);
                });
                list.dataset.count = String(warnings.length);
            }).catch(function () { /* Offline: the checks wait for the next edit. */ });
        };
        textarea.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(run, 800);
        });
        run();
    });
})();
