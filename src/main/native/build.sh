#!/usr/bin/env bash
# Builds the loader's native library (jpeg.c, linked to the system's libjpeg-turbo) into OUT_DIR.
# Without gcc or libjpeg-turbo's headers it says so and builds nothing: the loader then uses OpenCV, the
# same pixels, decoding about 4x slower. Called by Maven (compile phase): build.sh JAVA_HOME OUT_DIR
set -u
java_home=$1
out=$2
dir=$(dirname "$0")
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  *) echo "[yolotrain] native library: not built on $(uname -s)-$(uname -m); the loader uses OpenCV"; exit 0 ;;
esac
missing=""
command -v gcc >/dev/null || missing="gcc"
[ -f "$java_home/include/jni.h" ] || missing="$missing JDK headers ($java_home/include/jni.h)"
echo '#include <stdio.h>
#include <jpeglib.h>' | gcc -E -x c - >/dev/null 2>&1 || missing="$missing jpeglib.h (Debian: libjpeg62-turbo-dev)"
if [ -n "$missing" ]; then
  echo "[yolotrain] native library: not built, missing:$missing; the loader uses OpenCV"
  exit 0
fi
mkdir -p "$out/$platform"
if ! gcc -O3 -Wall -Wextra -Werror -fPIC -shared -I"$java_home/include" -I"$java_home/include/linux" \
    "$dir/jpeg.c" -o "$out/$platform/libyolotrain_native.so" -ljpeg; then
  echo "[yolotrain] native library: compile failed" >&2
  exit 1
fi
