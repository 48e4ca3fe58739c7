# Growth of the live managed heap between two snapshots, per type, per conversation.
#   awk -v n=CONVERSATIONS -f heap-diff.awk BEFORE AFTER | sort -gr | head -30
# BEFORE and AFTER are both the output of `dotnet-dump analyze DUMP -c "dumpheap -stat -live"` (rows: MT, count,
# total bytes, type; exact) or both of `dotnet-gcdump report FILE.gcdump` (rows: bytes per object, count, type;
# counts exact, bytes only for fixed-size objects: its byte column is not a total for strings and arrays).
# Prints bytes/conversation, objects/conversation, type; and a TOTAL line.
function add(side, k, b, c) { if (side == 0) { B0[k] += b; C0[k] += c } else { B1[k] += b; C1[k] += c }; all[k] = 1 }
FNR == 1 { side = (FNR == NR) ? 0 : 1 }
/^[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+ +[0-9,]+ +[0-9,]+ / {
  c = $2; b = $3; gsub(",", "", c); gsub(",", "", b); k = $0; sub(/^[0-9a-f]+ +[0-9,]+ +[0-9,]+ +/, "", k); add(side, k, b, c); next
}
/^ *[0-9,]+ +[0-9,]+ +[^ 0-9]/ {
  b = $1; c = $2; gsub(",", "", b); gsub(",", "", c); k = $0
  sub(/^ *[0-9,]+ +[0-9,]+ +/, "", k); sub(/ \(Bytes > [0-9]+K\)/, "", k); sub(/  \[[^]]*\]$/, "", k); add(side, k, b * c, c)
}
END {
  for (k in all) { d = B1[k] - B0[k]; t += d; if (d != 0 || C1[k] != C0[k]) printf "%9.1f %7.2f  %s\n", d / n, (C1[k] - C0[k]) / n, k }
  printf "%9.1f %7s  %s\n", t / n, "", "TOTAL (bytes, objects per conversation)"
}
