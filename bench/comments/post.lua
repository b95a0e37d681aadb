-- wrk script: posts the Leave a Reply form as a browser would (Origin header, a signed stamp),
-- each request with a different body (run, thread, counter) so duplicate detection does not refuse it.
local article = os.getenv("ARTICLE_ID")
local stamp = os.getenv("STAMP")
local origin = os.getenv("ORIGIN")
local run = os.getenv("RUN_ID") or tostring(os.time())
local threads = 0
local counter = 0

function setup(thread)
    thread:set("thread_number", threads)
    threads = threads + 1
end

function request()
    counter = counter + 1
    local body = "Form.ArticleId=" .. article
        .. "&Form.Name=Bench+Reader&Form.Email=bench%40example.org"
        .. "&Form.Started=" .. stamp
        .. "&Form.Body=Bench+comment+" .. run .. "-" .. thread_number .. "-" .. counter
        .. "+about+the+harbour+and+the+ferry+timetable."
    return wrk.format("POST", "/comments", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Origin"] = origin,
    }, body)
end
