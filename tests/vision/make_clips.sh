#!/usr/bin/env bash
# Composes labelled presence test clips from the face photos in shared/assets/faces with the
# ffmpeg CLI. Run by the build (target dualrec_test_clips); the clips and their labels go to
# the build tree, never into git.
#
#   tests/vision/make_clips.sh FACES_DIR OUT_DIR
#
# Every clip: 640x360, 15 fps, 10 s, H.264, a simple "office" background, the agent
# (barack_obama_whitehouse_2012.jpg) on the left and the customer (pexels_woman_smiling.jpg)
# on the right, with temporal noise like a camera's (a noiseless still would read as frozen).
# OUT_DIR/NAME.labels.csv holds the truth, one fact a line:
#   defect,KIND,WHO,START_S,END_S     a defect the QC must report (WHO empty when none)
#   faces,START_S,END_S,N             frames in [START_S, END_S) show N faces
# A clip without defect lines must be reported clean.
set -euo pipefail

faces=${1:?faces dir}
out=${2:?output dir}
mkdir -p "$out"

agent=$faces/barack_obama_whitehouse_2012.jpg
customer=$faces/pexels_woman_smiling.jpg
stranger=$faces/joe_biden_whitehouse.jpg
duration=10

# clip NAME AGENT_ENABLE CUSTOMER_ENABLE STRANGER_ENABLE PHOTO_HEIGHT FINAL_FILTERS LABELS
clip() {
  local name=$1 agent_on=$2 customer_on=$3 stranger_on=$4 height=$5 final=$6 labels=$7
  local small=$(( height < 200 ))
  local ay=$(( 360 - height )) ax=30 cx=420 sx=235 sy=60 sh=200
  if [ "$small" -eq 1 ]; then ax=140; cx=400; sx=290; sy=150; sh=$height; fi
  local tmp=$out/.$name.mp4
  ffmpeg -nostdin -y -loglevel error \
    -f lavfi -i "color=c=0x8a9bb0:s=640x360:r=15:d=$duration" \
    -loop 1 -framerate 15 -i "$agent" -loop 1 -framerate 15 -i "$customer" -loop 1 -framerate 15 -i "$stranger" \
    -filter_complex "
      [0]drawbox=x=20:y=20:w=150:h=110:color=0xe0d0b8:t=fill,drawbox=x=20:y=20:w=150:h=110:color=0x505050:t=3,
         drawbox=x=560:y=40:w=70:h=220:color=0x6e5038:t=fill,drawbox=x=0:y=335:w=640:h=25:color=0x35506e:t=fill[bg];
      [1]scale=-2:$height[a];[2]scale=-2:$height[c];[3]scale=-2:$sh[s];
      [bg][a]overlay=x=$ax:y=$ay:shortest=1:enable='$agent_on'[v1];
      [v1][c]overlay=x=$cx:y=$ay:shortest=1:enable='$customer_on'[v2];
      [v2][s]overlay=x=$sx:y=$sy:shortest=1:enable='$stranger_on'[v3];
      [v3]${final}noise=alls=6:allf=t+u,format=yuv420p[out]" \
    -map '[out]' -t $duration -r 15 -c:v libx264 -preset veryfast -crf 20 -g 30 "$tmp"
  mv "$tmp" "$out/$name.mp4"
  printf '%b' "$labels" >"$out/$name.labels.csv"
}

always=1
never=0

# Both parties all the time: must be clean.
clip clean "$always" "$always" "$never" 230 "" \
  "faces,0,10,2\n"
# A third face from 3 s to 7 s (4 s, longer than the grace).
clip third_face "$always" "$always" 'between(t,3,7)' 230 "" \
  "defect,third_party,,3.0,7.0\nfaces,0,3,2\nfaces,3.1,7,3\nfaces,7.1,10,2\n"
# The lens covered (black) from 4 s to 7 s.
clip camera_covered "$always" "$always" "$never" 230 "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,4,7)'," \
  "defect,camera_blocked,,4.0,7.0\nfaces,0,4,2\nfaces,4.1,7,0\nfaces,7.1,10,2\n"
# Dim light: everything at about a third of the brightness, more noise. Must be clean.
clip dim_light "$always" "$always" "$never" 230 "colorlevels=romax=0.33:gomax=0.33:bomax=0.33,noise=alls=4:allf=t," \
  "faces,0,10,2\n"
# Small faces (photos 110 px high: faces about 32 and 53 px in 640x360). Must be clean.
clip small_faces "$always" "$always" "$never" 110 "" \
  "faces,0,10,2\n"
# The customer drops out of the picture for 0.5 s: below the grace, must NOT alarm.
clip brief_dip "$always" 'not(between(t,5,5.5))' "$never" 230 "" \
  "faces,0,5,2\nfaces,5.1,5.5,1\nfaces,5.6,10,2\n"
# The customer is away from 3 s to 6.5 s.
clip customer_absent "$always" 'not(between(t,3,6.5))' "$never" 230 "" \
  "defect,party_absent,customer,3.0,6.5\nfaces,0,3,2\nfaces,3.1,6.5,1\nfaces,6.6,10,2\n"
# The agent is away from 2 s to 5 s.
clip agent_absent 'not(between(t,2,5))' "$always" "$never" 230 "" \
  "defect,party_absent,agent,2.0,5.0\nfaces,0,2,2\nfaces,2.1,5,1\nfaces,5.1,10,2\n"
# A stranger leans in behind the parties from 1.5 s to 4 s, then the lens is covered from 6 s to
# 8.5 s: both defects in one clip, recorded through `dualrec record --presence guard` and checked
# by `dualrec qc --script` (tests/app/test_qccommand.cpp).
clip stranger_then_covered "$always" "$always" 'between(t,1.5,4)' 230 "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,6,8.5)'," \
  "defect,third_party,,1.5,4.0\ndefect,camera_blocked,,6.0,8.5\nfaces,0,1.5,2\nfaces,1.6,4,3\nfaces,4.1,6,2\nfaces,6.1,8.5,0\nfaces,8.6,10,2\n"
