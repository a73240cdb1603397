#!/usr/bin/env bash
# Verifies the image Jib builds on a machine that reaches no container registry and has no container runtime.
# The real base (eclipse-temurin:25-jre) cannot be pulled here, so a stand-in base is made from this machine's JDK 25
# (a jlink'ed runtime at /opt/java/openjdk, the libraries it links and nothing else) and the image is built on it with
# the project's own Jib configuration (profile image-tar). The image's layers are then unpacked into a root
# filesystem and its entrypoint is run as the image says (its user, working directory, environment), the way the
# chart runs it: a read-only root with a writable /tmp, inside a 1 GiB memory cgroup. It migrates a fresh database in
# migrate mode, bootstraps it, then serves and answers health and a platform token. Run as root:
#   bash api/src/image/verify-offline.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=$(mktemp -d /tmp/chargebase-image.XXXXXX)
trap 'umount -R "$work/root" 2>/dev/null || true; rmdir /sys/fs/cgroup/memory/chargebase-image 2>/dev/null || true' EXIT
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)

echo "== stand-in base image from $jdk"
base="$work/base-root"
mkdir -p "$base/opt/java" "$base/tmp" "$base/etc"
"$jdk/bin/jlink" --add-modules "$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -Ev '^jdk\.(jpackage|jlink)$' | paste -sd,)" --strip-debug --no-man-pages --no-header-files --output "$base/opt/java/openjdk"
for lib in $(ldd "$base"/opt/java/openjdk/bin/java "$base"/opt/java/openjdk/lib/*.so "$base"/opt/java/openjdk/lib/server/*.so 2>/dev/null \
             | awk '/=> \//{print $3} /^\t\//{print $1}' | sort -u); do
  mkdir -p "$base$(dirname "$lib")" && cp -L "$lib" "$base$lib"
done
mkdir -p "$base/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$base/lib64/"
for lib in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do [ -e "$lib" ] && cp -L "$lib" "$base$lib"; done
printf 'root:x:0:0::/root:/bin/false\n' > "$base/etc/passwd"
printf 'hosts: files dns\n' > "$base/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' > "$base/etc/hosts"
tar -C "$base" -cf "$work/layer.tar" .
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["stand-in/temurin:25-jre"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$work/base.tar" manifest.json config.json layer.tar

echo "== the image, built by the project's Jib configuration on the stand-in base"
./mvnw -B -q -pl api -am -Pimage-tar -DskipTests package -Djib.from.image="tar://$work/base.tar"
mkdir -p "$work/image" && tar -C "$work/image" -xf api/target/jib-image.tar
manifest=$(python3 -c "import json,sys;i=json.load(open('$work/image/index.json'));print(i['manifests'][0]['digest'].split(':')[1])")
python3 - "$work/image" "$manifest" > "$work/image.env" <<'PY'
import json, sys, shlex
root, digest = sys.argv[1], sys.argv[2]
manifest = json.load(open(f"{root}/blobs/sha256/{digest}"))
config = json.load(open(f"{root}/blobs/sha256/{manifest['config']['digest'].split(':')[1]}"))["config"]
print("LAYERS=" + shlex.quote(" ".join(l["digest"].split(":")[1] for l in manifest["layers"])))
print("USER_SPEC=" + shlex.quote(config["User"]))
print("WORKDIR=" + shlex.quote(config.get("WorkingDir", "/")))
print("ENTRYPOINT=" + shlex.quote(" ".join(config["Entrypoint"])))
print("IMAGE_ENV=" + shlex.quote(" ".join(config.get("Env", []))))
print("PORTS=" + shlex.quote(" ".join(sorted(config.get("ExposedPorts", {})))))
print("MEDIA=" + shlex.quote(manifest["mediaType"]))
PY
. "$work/image.env"
echo "manifest $MEDIA; user $USER_SPEC; ports $PORTS; workdir $WORKDIR"
echo "entrypoint $ENTRYPOINT"
[[ "$USER_SPEC" == 10001:10001 ]] || { echo "not the non-root user"; exit 1; }
[[ "$PORTS" == "8080/tcp 8081/tcp" ]] || { echo "ports $PORTS"; exit 1; }
[[ "$ENTRYPOINT" == *-XX:MaxRAMPercentage=70* ]] || { echo "no heap sizing"; exit 1; }

root="$work/root"; mkdir -p "$root"
for layer in $LAYERS; do tar -C "$root" -xzf "$work/image/blobs/sha256/$layer" 2>/dev/null || tar -C "$root" -xf "$work/image/blobs/sha256/$layer"; done
mkdir -p "$root/proc" "$root/sys/fs/cgroup" "$root/tmp"

database="cb_image_$(date +%s)"
psql -h 127.0.0.1 -U postgres -qc "create role ${database}_owner login createrole password 'owner-pw'" \
  -c "create database $database owner ${database}_owner"
cleanup_db() { psql -h 127.0.0.1 -U postgres -qc "drop database if exists $database with (force)" -c "drop role if exists ${database}_login" \
  -c "drop role if exists ${database}_app" -c "drop role if exists ${database}_owner" || true; }
trap 'cleanup_db; umount -R "$root" 2>/dev/null || true; rmdir /sys/fs/cgroup/memory/chargebase-image 2>/dev/null || true' EXIT

mkdir -p /sys/fs/cgroup/memory/chargebase-image
echo $((1024*1024*1024)) > /sys/fs/cgroup/memory/chargebase-image/memory.limit_in_bytes

# Stops what runs in the image (SIGTERM, as Kubernetes does) and waits for it, at most 60 s.
stop_image() {
  local procs=/sys/fs/cgroup/memory/chargebase-image/cgroup.procs deadline=$((SECONDS + 60))
  [[ -f $procs ]] || return 0
  for pid in $(cat $procs); do kill -TERM "$pid" 2>/dev/null || true; done
  while [[ -s $procs ]] && (( SECONDS < deadline )); do sleep 1; done
  for pid in $(cat $procs); do kill -KILL "$pid" 2>/dev/null || true; done
}
# Runs a command in the unpacked image as its user: a read-only root, a writable /tmp, in the memory cgroup.
in_container() {
  unshare --mount --fork bash -c '
    set -e; root=$1; shift
    echo $$ > /sys/fs/cgroup/memory/chargebase-image/cgroup.procs
    mount --bind "$root" "$root"; mount -o remount,bind,ro "$root"
    mount -t tmpfs -o size=256m tmpfs "$root/tmp"; mount -t proc proc "$root/proc"; mount --rbind /sys/fs/cgroup "$root/sys/fs/cgroup"
    exec "$@"
  ' _ "$root" "$@"
}
# Runs the image's entrypoint with the image's environment plus VAR=value arguments, then -- and the program's arguments.
run_image() {
  local -a vars=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do vars+=("$1"); shift; done
  shift || true
  in_container env -i $IMAGE_ENV "${vars[@]}" /usr/sbin/chroot --userspec="$USER_SPEC" "$root" $ENTRYPOINT "$@"
}

common=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" CHARGEBASE_DATABASE_APP_ROLE="${database}_app")
echo "== migrate mode, with the bootstrap"
run_image "${common[@]}" SPRING_DATASOURCE_USERNAME="${database}_owner" SPRING_DATASOURCE_PASSWORD=owner-pw \
  CHARGEBASE_BOOTSTRAP_ADMIN_EMAIL=ops@operator.example CHARGEBASE_BOOTSTRAP_ADMIN_PASSWORD='image check password' \
  CHARGEBASE_BOOTSTRAP_CLIENT_ID=platform-automation CHARGEBASE_BOOTSTRAP_CLIENT_SECRET=0123456789abcdefghijklmnopqrstuvwxyz \
  -- --chargebase.mode=migrate | tee "$work/migrate.log" | tail -5
grep -q "Bootstrap: created platform administrator" "$work/migrate.log"

echo "== the JVM sized from the 1 GiB cgroup, with the image's flag"
in_container env -i $IMAGE_ENV /usr/sbin/chroot --userspec="$USER_SPEC" "$root" java -XX:MaxRAMPercentage=70 -XX:+PrintFlagsFinal -version \
  | grep -E ' MaxHeapSize '

echo "== serve mode as a replica: no migrations, the application's own login"
psql -h 127.0.0.1 -U postgres -qc "create role ${database}_login login password 'login-pw' in role ${database}_app"
run_image "${common[@]}" CHARGEBASE_DATABASE_MIGRATE_ON_START=false CHARGEBASE_DATABASE_APP_USERNAME="${database}_login" \
  CHARGEBASE_DATABASE_APP_PASSWORD=login-pw SERVER_PORT=18080 MANAGEMENT_SERVER_PORT=18081 -- > "$work/serve.log" 2>&1 &
server=$!
trap 'stop_image; cleanup_db; umount -R "$root" 2>/dev/null || true; rmdir /sys/fs/cgroup/memory/chargebase-image 2>/dev/null || true' EXIT
deadline=$((SECONDS + 600))
until curl -sf http://127.0.0.1:18081/actuator/health >/dev/null 2>&1; do
  if (( SECONDS > deadline )) || ! kill -0 $server 2>/dev/null; then tail -40 "$work/serve.log"; exit 1; fi
  sleep 1
done
echo "health on the management port: $(curl -s http://127.0.0.1:18081/actuator/health)"
token=$(curl -sf -u platform-automation:0123456789abcdefghijklmnopqrstuvwxyz -d grant_type=client_credentials \
  http://127.0.0.1:18080/platform/oauth2/token | python3 -c 'import json,sys;print(json.load(sys.stdin)["token_type"])')
echo "platform token: $token"
stop_image
echo "== verified"
