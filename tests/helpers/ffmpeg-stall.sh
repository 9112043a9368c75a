#!/bin/sh
# Stands in for ffmpeg where a test needs an encode caught halfway (tests/integration/replay-mp4.test.ts):
# while the file named by FFMPEG_STALL_MARKER exists, a libx264 encode writes the start of its output
# (the last argument) and then hangs like an encoder mid-file until it is killed; its pid goes to
# "$FFMPEG_STALL_MARKER.pid". Everything else is the real ffmpeg.
if [ -n "$FFMPEG_STALL_MARKER" ] && [ -e "$FFMPEG_STALL_MARKER" ]; then
  case " $* " in
    *" libx264 "*)
      for a in "$@"; do out=$a; done
      head -c 200000 /dev/urandom > "$out"
      echo $$ > "$FFMPEG_STALL_MARKER.pid"
      exec sleep 300
      ;;
  esac
fi
exec ffmpeg "$@"
