-- wrk script: the hub's read mix against Redmine, from target/read-paths.csv (read_paths.py).
-- env ANCHOR_PATHS = the CSV; ANCHOR_KIND = list | tree | issue | mix (default mix).
--   list/issue: each request is a random row of that kind.
--   tree: each request is the next page of a whole-plan read (one council's pages in order, then
--         another council): a tree read is `parts` requests.
--   mix: operations in equal thirds (list, tree, issue), as the hub's ReadMix; a tree operation
--        sends all its pages one after another on the connection, so it is `parts` requests.
-- done() prints one JSON line (prefix ANCHOR-WRK) with requests, errors and latency percentiles
-- (per request, in ms).
local kind = os.getenv("ANCHOR_KIND") or "mix"
local paths_file = os.getenv("ANCHOR_PATHS")
local rows = { list = {}, issue = {}, tree = {} }
local trees = {}   -- council -> { page paths in order }
local councils = {}
local queue = {}
local threads = {}

local function path_of(url) return url:match("^https?://[^/]+(.*)$") or url end

local function load()
  local first = true
  for line in io.lines(paths_file) do
    if first then first = false else
      local k, council, part, parts, url = line:match("^([^,]*),([^,]*),([^,]*),([^,]*),(.*)$")
      local p = path_of(url)
      if k == "tree" then
        if not trees[council] then trees[council] = {}; table.insert(councils, council) end
        trees[council][tonumber(part)] = p
      else
        table.insert(rows[k], p)
      end
    end
  end
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  load()
  math.randomseed(id * 7919 + os.time())
end

local function enqueue_tree()
  local pages = trees[councils[math.random(#councils)]]
  for i = 1, #pages do table.insert(queue, pages[i]) end
end

local function next_path()
  if #queue == 0 then
    local k = kind
    if k == "mix" then
      local r = math.random(3)
      k = (r == 1 and "list") or (r == 2 and "tree") or "issue"
    end
    if k == "tree" then enqueue_tree()
    else table.insert(queue, rows[k][math.random(#rows[k])]) end
  end
  return table.remove(queue, 1)
end

request = function()
  return wrk.format("GET", next_path())
end

function done(summary, latency, requests)
  local e = summary.errors
  local s = summary.duration / 1e6
  io.write(string.format(
    'ANCHOR-WRK {"kind":"%s","requests":%d,"seconds":%.2f,"requestsPerSecond":%.2f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyMs":{"p50":%.1f,"p90":%.1f,"p99":%.1f,"max":%.1f,"mean":%.1f}}\n',
    kind, summary.requests, s, summary.requests / s, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
