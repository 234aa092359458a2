#!/usr/bin/env bash
# Installs Debian's redmine (5.0.x) on Debian's PostgreSQL, with Puma and the load tools (wrk,
# apache2-utils), non-interactively. Follows ../../../../shared notes "redmine-anchor" recipe,
# including its workaround for the bookworm-security bundler that makes redmine's postinst fail.
#
# Exit codes: 0 installed (or already installed); 3 skipped (not root / not Debian / no apt-get),
# with a line "skipped: <why>" on stdout; anything else is a failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

skip() { echo "skipped: $*"; exit 3; }
[ "$(id -u)" = 0 ] || skip "not root (Debian's redmine package installs system-wide)"
command -v apt-get >/dev/null 2>&1 || skip "no apt-get on this machine"
[ -r /etc/debian_version ] || skip "not Debian (no /etc/debian_version)"
candidate="$(apt-cache policy redmine 2>/dev/null | awk '/Candidate:/ {print $2}')"
case "$candidate" in 5.0.*) ;; *) skip "Debian's archive offers no redmine 5.0.x here (candidate: ${candidate:-none})" ;;
esac
# only now: common.sh writes into target/, which a skipped run need not be able to do
. "$here/common.sh"

if installed redmine && installed redmine-pgsql && installed puma && installed wrk &&
  [ -r "$REDMINE_ETC/database.yml" ]; then
  echo "install: redmine $(dpkg-query -W -f='${Version}' redmine) already installed"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
apt-get install -y -qq --no-install-recommends postgresql wrk apache2-utils python3 curl >/dev/null
# policy-rc.d blocks service starts in this container: start the cluster by hand.
ensure_cluster_running

# dbconfig-common's answers: PostgreSQL over TCP on localhost, a generated password for the app.
pw="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
debconf-set-selections <<PRESEED
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select pgsql
redmine redmine/instances/default/pgsql/method select TCP/IP
redmine redmine/instances/default/remote/host select localhost
redmine redmine/instances/default/pgsql/authmethod-admin select ident
redmine redmine/instances/default/pgsql/authmethod-user select password
redmine redmine/instances/default/pgsql/app-pass password $pw
redmine redmine/instances/default/app-password-confirm password $pw
redmine redmine/instances/default/db/dbname string redmine_default
redmine redmine/instances/default/db/app-user string redmine
PRESEED

# The postinst fails on bookworm-security's bundler (it thinks vendor_ruby gems are missing when
# their gems/<name>-<version> directory is absent), so let it fail, add the empty directories and
# configure again.
apt-get install -y -qq --no-install-recommends redmine redmine-pgsql puma >/dev/null 2>&1 ||
  echo "install: redmine's postinst failed as the recipe expects; applying the gem-directory workaround"
for base in /usr/share/rubygems-integration/all /usr/share/rubygems-integration/3.1.0 \
  /usr/lib/x86_64-linux-gnu/rubygems-integration/3.1.0; do
  [ -d "$base/specifications" ] || continue
  for spec in "$base"/specifications/*.gemspec; do
    g="$(basename "$spec" .gemspec)"
    [ -d "$base/gems/$g" ] || mkdir -p "$base/gems/$g"
  done
done
dpkg --configure -a
installed redmine && installed redmine-pgsql && installed puma ||
  { echo "install: redmine did not configure (see apt output above)" >&2; exit 1; }
echo "install: redmine $(dpkg-query -W -f='${Version}' redmine) installed"
