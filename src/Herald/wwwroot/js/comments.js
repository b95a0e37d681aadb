// The comment form on a cached article page. The page is the same for every reader; this script
// fetches what belongs to this reader alone (a fresh form stamp, a token bound to their cookie,
// the fields they asked to remember, their comments awaiting moderation) and moves the form
// under a comment when they reply. Without it the form still posts, and Reply links open a page.
(function () {
    "use strict";
    var section = document.getElementById("comments");
    var respond = document.getElementById("respond");
    var form = document.getElementById("commentform");
    if (!section || !respond || !form) {
        return;
    }
    var field = function (id) { return document.getElementById(id); };
    var parentField = field("comment-parent");
    var cancel = field("cancel-reply");
    var titleText = field("reply-title-text");
    var home = document.createElement("div");
    home.id = "respond-home";
    respond.parentNode.insertBefore(home, respond);
    var lastReplyLink = null;

    section.addEventListener("click", function (event) {
        var link = event.target.closest(".comment-reply-link");
        if (!link || !section.contains(link)) {
            return;
        }
        event.preventDefault();
        link.closest(".comment-body").after(respond);
        parentField.value = link.getAttribute("data-reply-to");
        titleText.textContent = "Reply to " + link.getAttribute("data-author");
        cancel.hidden = false;
        lastReplyLink = link;
        field("comment").focus();
    });

    cancel.addEventListener("click", function (event) {
        event.preventDefault();
        home.after(respond);
        parentField.value = "";
        titleText.textContent = "Leave a Reply";
        cancel.hidden = true;
        if (lastReplyLink) {
            lastReplyLink.focus();
        }
    });

    var fill = function (id, value) {
        var input = field(id);
        if (input && !input.value && value) {
            input.value = value;
        }
    };

    var element = function (tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    };

    // A held comment is shown to its author only, built from text so nothing in it is markup.
    var showAwaiting = function (comment) {
        if (document.getElementById("comment-" + comment.id)) {
            return;
        }
        var item = element("li", "comment comment-pending");
        item.id = "comment-" + comment.id;
        var body = element("article", "comment-body");
        var meta = element("footer", "comment-meta");
        var avatar = element("img", "avatar");
        avatar.src = comment.avatarUrl;
        avatar.alt = "";
        avatar.width = 48;
        avatar.height = 48;
        meta.append(avatar, element("b", "comment-author", comment.authorName));
        body.append(meta, element("p", "comment-awaiting-moderation", "Your comment is awaiting moderation."));
        var content = element("div", "comment-content");
        comment.paragraphs.forEach(function (text) { content.append(element("p", null, text)); });
        body.append(content);
        item.append(body);
        var parent = comment.parentId && document.getElementById("comment-" + comment.parentId);
        var list = parent ? parent.querySelector(":scope > ol.children") : section.querySelector(":scope > ol.comment-list");
        if (!list) {
            list = element("ol", parent ? "children" : "comment-list");
            if (parent) {
                parent.append(list);
            } else {
                home.before(list);
            }
        }
        list.append(item);
    };

    var article = section.getAttribute("data-article");
    fetch("/comments/state?article=" + encodeURIComponent(article), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
            if (!state) {
                return;
            }
            field("comment-started").value = state.started;
            field("comment-token").value = state.token;
            if (state.remembered) {
                fill("author", state.remembered.name);
                fill("email", state.remembered.email);
                fill("url", state.remembered.website);
                field("remember").checked = true;
            }
            state.awaiting.forEach(showAwaiting);
            section.setAttribute("data-state", "ready");
        })
        .catch(function () { /* The form still works with the stamp the page came with. */ });
})();
