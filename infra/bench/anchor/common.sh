# Shared by the anchor scripts (sourced, not run). Paths are Debian's redmine package layout.
REDMINE_HOME=/usr/share/redmine
REDMINE_ETC=/etc/redmine/default
PG_VERSION="${PG_VERSION:-15}"
ANCHOR_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Everything a run writes (API key, pids, read paths, figures) goes here; git ignores target/.
ANCHOR_OUT="${ANCHOR_OUT:-$ANCHOR_DIR/target}"
mkdir -p "$ANCHOR_OUT"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Rails commands run from Redmine's directory as www-data, as README.Debian says.
as_redmine() {
  (cd "$REDMINE_HOME" && runuser -u www-data -- env RAILS_ENV=production REDMINE_INSTANCE=default "$@")
}

cluster_status() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}'; }

# Starts Debian's cluster if it is down; writes a marker so stop.sh stops only what we started.
ensure_cluster_running() {
  if [ "$(cluster_status)" != online ]; then
    pg_ctlcluster "$PG_VERSION" main start
    touch "$ANCHOR_OUT/cluster-started-by-anchor"
  fi
}

# The load average, printed beside every figure (the machine is shared).
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
