// The moderation queue: "Select all" ticks every comment on the page. Everything else is plain
// form buttons, so the queue works by keyboard and without this script.
(function () {
    "use strict";
    var all = document.getElementById("select-all");
    if (!all) {
        return;
    }
    all.addEventListener("change", function () {
        document.querySelectorAll(".queue-list input[name=ids]").forEach(function (box) { box.checked = all.checked; });
    });
})();
