#!/usr/bin/env bash
# Smoke test of docs/nginx/gci.conf: Debian's nginx in front of gunicorn
# (2 workers, production settings) on 127.0.0.1, with a demo database of its
# own in a temporary folder. Checks that public pages answer, that the page
# cache serves anonymous visitors, that static files and public image
# renditions are served by nginx, that /media/documents/ and
# /media/original_images/ never are, and that the files of an image in a
# restricted collection reach a signed-in Partner only (Django checks, nginx
# sends them through its internal location) and nobody else by any path.
#
#   scripts/nginx_smoke.sh          # exit 0: all checks passed; 77: nginx missing
#
# Uses Redis if redis-server is installed (as production would), otherwise
# the local-memory cache. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
BIN=$(dirname "$PY")

if ! command -v nginx >/dev/null; then
    echo "SKIP: nginx is not installed (apt-get install nginx)"
    exit 77
fi

WORK=$(mktemp -d /tmp/gci-nginx-smoke.XXXXXX)
chmod 755 "$WORK"
GUNICORN_PID="" REDIS_PID=""
cleanup() {
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    [ -n "$GUNICORN_PID" ] && kill "$GUNICORN_PID" 2>/dev/null || true
    [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
    sleep 0.5
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
WEB_PORT=$(free_port)
export GCI_VAR_DIR="$WORK/var"
mkdir -p "$GCI_VAR_DIR"
unset DJANGO_SETTINGS_MODULE DATABASE_URL CACHE_URL PAGE_CACHE_URL MEDIA_ROOT STATIC_ROOT

echo "==> demo database in $WORK"
"$PY" manage.py migrate --no-input -v0
"$PY" manage.py load_demo -v0 >/dev/null
# The restricted document, a public image (with a rendition) and a photo of
# the Partners' case-study collection (with a rendition) to ask for.
"$PY" manage.py shell -v0 -c '
import io
from PIL import Image as P
from django.core.files.images import ImageFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection
doc = next(d for d in Document.objects.all() if d.collection.get_view_restrictions().exists())
buffer = io.BytesIO(); P.new("RGB", (60, 40), (0, 120, 60)).save(buffer, "PNG")
image = Image.objects.create(title="Smoke", collection=Collection.get_first_root_node(),
                             file=ImageFile(buffer, name="smoke.png"))
rendition = image.get_rendition("width-30")
from gci.materials.collections import case_study_photos_collection
buffer = io.BytesIO(); P.new("RGB", (60, 40), (120, 0, 60)).save(buffer, "PNG")
photo = Image.objects.create(title="Restricted smoke", collection=case_study_photos_collection(),
                             file=ImageFile(buffer, name="restricted-smoke.png"))
photo_rendition = photo.get_rendition("width-30")
base = lambda f: f.name.rsplit("/", 1)[1]
print(doc.url, doc.file.name, image.file.name, rendition.url,
      photo.file.url, photo.file.name, photo_rendition.url, photo_rendition.file.name,
      "/media/original_images/" + base(photo.file), "/media/images/" + base(photo_rendition.file))
' >"$WORK/names"
read -r DOC_URL DOC_FILE ORIGINAL RENDITION \
    PRIVATE_ORIGINAL_URL PRIVATE_ORIGINAL PRIVATE_RENDITION_URL PRIVATE_RENDITION \
    GUESSED_ORIGINAL GUESSED_RENDITION <"$WORK/names"
test -f "$GCI_VAR_DIR/media/$DOC_FILE" || { echo "FAIL: the document file is not on disk"; exit 1; }
test -f "$GCI_VAR_DIR/media/$PRIVATE_RENDITION" || { echo "FAIL: the restricted rendition is not on disk"; exit 1; }

echo "==> gunicorn (production settings) on 127.0.0.1:$APP_PORT"
export DJANGO_SETTINGS_MODULE=gci.site.settings.production
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(60))')
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false TRUSTED_PROXY_COUNT=1
export GCI_MEDIA_ACCEL_REDIRECT_PREFIX=/_protected_media/
if command -v redis-server >/dev/null; then
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize no >"$WORK/redis.log" 2>&1 &
    REDIS_PID=$!
    export CACHE_URL="redis://127.0.0.1:$REDIS_PORT/0" PAGE_CACHE_URL="redis://127.0.0.1:$REDIS_PORT/1"
else
    export GCI_ALLOW_LOCAL_CACHE=true
fi
"$PY" manage.py collectstatic --no-input -v0
# A signed-in Partner (CITES): a session made the way a login makes one.
"$PY" manage.py shell -v0 -c '
from django.conf import settings
from django.test import Client
from gci.home.demo import users
from django.contrib.auth import get_user_model
client = Client()
client.force_login(get_user_model().objects.get(email=users()[1]["email"]))
print(settings.SESSION_COOKIE_NAME + "=" + client.cookies[settings.SESSION_COOKIE_NAME].value)
' >"$WORK/partner-cookie"
PARTNER_COOKIE=$(cat "$WORK/partner-cookie")
"$BIN/gunicorn" gci.site.wsgi --workers 2 --bind "127.0.0.1:$APP_PORT" \
    --error-logfile "$WORK/gunicorn.log" &
GUNICORN_PID=$!

echo "==> nginx with docs/nginx/gci.conf on 127.0.0.1:$WEB_PORT"
mkdir -p "$WORK/tmp"
sed -e '/# BEGIN redirect/,/# END redirect/d' -e '/# tls$/d' \
    -e "s|/srv/gci/var|$GCI_VAR_DIR|g" \
    -e "s|127.0.0.1:8000|127.0.0.1:$APP_PORT|" \
    -e "s|server_name greencustoms.example;|listen 127.0.0.1:$WEB_PORT; server_name _;|" \
    docs/nginx/gci.conf >"$WORK/gci.conf"
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"
cat >"$WORK/nginx.conf" <<EOF
$USER_LINE
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/tmp/body;
    proxy_temp_path $WORK/tmp/proxy;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    include $WORK/gci.conf;
}
EOF
nginx -t -q -c "$WORK/nginx.conf" -p "$WORK"
nginx -c "$WORK/nginx.conf" -p "$WORK"

URL="http://127.0.0.1:$WEB_PORT"
for _ in $(seq 60); do
    curl -s -o /dev/null "$URL/en/" && [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/en/")" = 200 ] && break
    sleep 0.5
done

FAILED=0
check() {  # check <description> <expected> <actual>
    if [ "$2" = "$3" ]; then
        echo "ok    $1 ($3)"
    else
        echo "FAIL  $1: expected $2, got $3"
        FAILED=1
    fi
}
status() { curl --path-as-is -s -o /dev/null -w '%{http_code}' "$URL$1"; }
header() { curl -s -D - -o /dev/null "$URL$1" | tr -d '\r' | awk -v h="$2" 'tolower($1) == tolower(h) ":" {print $2}'; }
# as_partner <url> [curl options…]: the same request with the Partner's session cookie.
as_partner() { local url=$1; shift; curl --path-as-is -s -H "Cookie: $PARTNER_COOKIE" "$@" "$url"; }
headers_of() { tr -d '\r' | sed -n "s/^$1: //Ip" | paste -sd '|'; }

check "public home page" 200 "$(status /en/)"
check "Arabic home page" 200 "$(status /ar/)"
header /en/about/ X-GCI-Cache >/dev/null
check "second anonymous view comes from the page cache" hit "$(header /en/about/ X-GCI-Cache)"
check "restricted document file under /media/documents/" 404 "$(status "/media/$DOC_FILE")"
check "same file through ../ in the path" 404 "$(status "/media/images/../$DOC_FILE")"
check "original image under /media/original_images/" 404 "$(status "/media/$ORIGINAL")"
check "public image rendition under /media/images/" 200 "$(status "$RENDITION")"
check "public rendition: Cache-Control from nginx" "public, max-age=2592000" \
    "$(curl -s -D - -o /dev/null "$URL$RENDITION" | headers_of Cache-Control)"
check "restricted document through Wagtail's serve view (login first)" 302 "$(status "$DOC_URL")"
# Images of a restricted collection (the Partners' case-study photos).
check "restricted rendition at its guessable public path" 404 "$(status "$GUESSED_RENDITION")"
check "restricted original at its guessable public path" 404 "$(status "$GUESSED_ORIGINAL")"
check "restricted rendition, checked URL, anonymous" 404 "$(status "$PRIVATE_RENDITION_URL")"
check "restricted original, checked URL, anonymous" 404 "$(status "$PRIVATE_ORIGINAL_URL")"
check "restricted rendition through ../ from /media/images/" 404 \
    "$(status "/media/images/../$PRIVATE_RENDITION")"
check "nginx's internal location from outside" 404 "$(status "/_protected_media/${PRIVATE_RENDITION#private/}")"
check "restricted rendition, checked URL, Partner" 200 \
    "$(as_partner "$URL$PRIVATE_RENDITION_URL" -o /dev/null -w '%{http_code}')"
check "restricted original, checked URL, Partner" 200 \
    "$(as_partner "$URL$PRIVATE_ORIGINAL_URL" -o /dev/null -w '%{http_code}')"
as_partner "$URL$PRIVATE_RENDITION_URL" -o "$WORK/got.png"
check "the Partner receives the rendition's bytes" same \
    "$(cmp -s "$WORK/got.png" "$GCI_VAR_DIR/media/$PRIVATE_RENDITION" && echo same || echo different)"
check "restricted rendition: not cacheable" "private, no-store" \
    "$(as_partner "$URL$PRIVATE_RENDITION_URL" -D - -o /dev/null | headers_of Cache-Control)"
check "restricted rendition: not sniffed" nosniff \
    "$(as_partner "$URL$PRIVATE_RENDITION_URL" -D - -o /dev/null | headers_of X-Content-Type-Options)"
check "restricted rendition: the internal path stays inside nginx" "" \
    "$(as_partner "$URL$PRIVATE_RENDITION_URL" -D - -o /dev/null | headers_of X-Accel-Redirect)"
# Django itself only says where the file is; nginx sends it.
check "gunicorn answers the Partner with X-Accel-Redirect, no body" \
    "/_protected_media/${PRIVATE_RENDITION#private/} 0" \
    "$(curl -s -H "Cookie: $PARTNER_COOKIE" -H "X-Forwarded-Proto: https" -D "$WORK/app-headers" \
        -o /dev/null -w '%{size_download}' "http://127.0.0.1:$APP_PORT$PRIVATE_RENDITION_URL" \
        | { read -r size; echo "$(headers_of X-Accel-Redirect <"$WORK/app-headers") $size"; })"
check "the Partners area (login first)" 302 "$(status /en/partners-area/)"
STATIC=$(curl -s "$URL/en/" | grep -o '/static/[^"]*\.css' | head -1)
check "a static file named in the page ($STATIC)" 200 "$(status "$STATIC")"
check "static files are cached for a year" "public, max-age=31536000, immutable" \
    "$(curl -s -D - -o /dev/null "$URL$STATIC" | tr -d '\r' | sed -n 's/^[Cc]ache-[Cc]ontrol: //p' | head -1)"

if [ "$FAILED" != 0 ]; then
    echo "--- gunicorn log"; tail -20 "$WORK/gunicorn.log" || true
    echo "--- nginx error log"; tail -20 "$WORK/nginx-error.log" || true
    exit 1
fi
echo "nginx smoke test passed"
