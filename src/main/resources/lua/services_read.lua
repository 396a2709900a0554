-- Reads one service. ARGV[1] instance key prefix. Returns read_service().
return read_service(ARGV[1])
