-- GET of one path (BENCH_PATH), e.g. / or /big.
local path = os.getenv("BENCH_PATH") or "/"
request = function()
  return wrk.format("GET", path, nil, nil)
end
