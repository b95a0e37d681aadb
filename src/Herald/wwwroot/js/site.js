// Herald's only script: it improves pages that already work without it.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Back to top: shown once the reader has scrolled a screen or so; moves focus to the top.
    var button = document.querySelector(".back-to-top");
    var top = document.getElementById("page-top");
    if (!button || !top) {
        return;
    }
    var update = function () {
        button.classList.toggle("is-visible", window.scrollY > window.innerHeight * 0.8);
    };
    window.addEventListener("scroll", update, { passive: true });
    update();
    button.addEventListener("click", function (event) {
        event.preventDefault();
        var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        window.scrollTo({ top: 0, behavior: reduce ? "auto" : "smooth" });
        top.focus({ preventScroll: true });
        if (history.replaceState) {
            history.replaceState(null, "", location.pathname + location.search);
        }
    });
})();
