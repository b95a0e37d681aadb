-- wrk script for the WordPress comparison: counts the status of every response (printed by
-- done() as "status CODE COUNT" lines, which run.sh checks), and, when COMMENT names a side,
-- posts a different comment with each request as that side's comment form does.
--   COMMENT=herald: POST /comments (ARTICLE_ID, STAMP, ORIGIN from the environment)
--   COMMENT=wordpress: POST /wp-comments-post.php (ARTICLE_ID)
local comment = os.getenv("COMMENT")
local article = os.getenv("ARTICLE_ID")
local stamp = os.getenv("STAMP")
local origin = os.getenv("ORIGIN")
local run = os.getenv("RUN_ID") or tostring(os.time())
local threads = {}

function setup(thread)
    thread:set("thread_number", #threads)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    counter = 0
end

function request()
    if not comment then
        return wrk.request()
    end
    counter = counter + 1
    local text = "Bench+comment+" .. run .. "-" .. thread_number .. "-" .. counter .. "+about+the+harbour+and+the+ferry+timetable."
    if comment == "herald" then
        return wrk.format("POST", "/comments", {
            ["Content-Type"] = "application/x-www-form-urlencoded",
            ["Origin"] = origin,
        }, "Form.ArticleId=" .. article .. "&Form.Name=Bench+Reader&Form.Email=bench%40example.org"
            .. "&Form.Started=" .. stamp .. "&Form.Body=" .. text)
    end
    return wrk.format("POST", "/wp-comments-post.php", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Origin"] = origin,
    }, "comment_post_ID=" .. article .. "&author=Bench+Reader&email=bench%40example.org&url=&comment=" .. text
        .. "&submit=Post+Comment&comment_parent=0")
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    for status, count in pairs(total) do
        io.write(string.format("status %d %d\n", status, count))
    end
end
