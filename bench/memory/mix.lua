-- wrk script for bench/memory: every request asks for a path picked at random from the file
-- PATHS names (one path a line: article pages, the home page, sections, searches), so that over
-- a run the caches fill with many different pages, as a large archive's readers fill them.
-- done() prints "status CODE COUNT" lines, which run.sh checks.
local paths = {}
local threads = {}

function setup(thread)
    thread:set("seed", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(os.getenv("PATHS")) do
        if #line > 0 then
            paths[#paths + 1] = line
        end
    end
    math.randomseed(os.time() * 7919 + seed)
    statuses = {}
end

function request()
    return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            totals[status] = (totals[status] or 0) + count
        end
    end
    for status, count in pairs(totals) do
        io.write(string.format("status %d %d\n", status, count))
    end
end
