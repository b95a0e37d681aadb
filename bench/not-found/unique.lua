-- Each request asks for an address never asked before, as a scanner guessing paths does:
-- PREFIX (wrk's first script argument, "/" by default) followed by a fresh random name.
local prefix = "/"
local counter = 0

function setup(thread)
    thread:set("seed", math.random(1, 2147483647))
end

function init(args)
    prefix = args[1] or "/"
    math.randomseed(seed or os.time())
end

function request()
    counter = counter + 1
    return wrk.format("GET", string.format("%sx%08x%06x", prefix, math.random(0, 2147483647), counter))
end
