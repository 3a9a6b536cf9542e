#!/usr/bin/env bash
# Composes the "harder pictures" presence clips (issue 16 item 3) from the face photos in
# shared/assets/faces with the ffmpeg CLI: what a branch camera sees from the corner of the room.
# Run by the build (target dualrec_test_clips); the clips and their truth go to the build tree,
# never into git. Deterministic: no random input but ffmpeg's seeded noise filter.
#
#   tests/vision/make_hard_clips.sh FACES_DIR OUT_DIR
#
# Every clip: 1280x720 (a 720p camera), 15 fps, 10 s, H.264; a room (wall, window, floor, a desk,
# a tall cabinet at the right) with the agent (barack_obama_whitehouse_2012.jpg) left of the
# customer behind the desk, and temporal noise like a camera's. Face sizes are YuNet's box
# heights on the full-size frame (measured once on the photos: the face is 0.292 of the agent's
# photo height, 0.484 of the customer's, 0.337 of the stranger's, 0.314 of the three-quarter
# photo's).
#
# OUT_DIR/NAME.labels.csv holds the truth as in make_clips.sh, with the parties in view:
#   defect,KIND,WHO,START_S,END_S              a defect the QC must report
#   faces,START_S,END_S,N,AGENT,CUSTOMER       frames in [START_S, END_S) show N faces; AGENT and
#                                              CUSTOMER are 1 when that party's face is in view
# Frames in no range are transitions (a face half behind the cabinet): not scored.
# OUT_DIR/NAME.truth.csv is the same truth per frame: frame,time_s,faces,agent,customer
# (-1: a transition frame, either answer is right).
set -euo pipefail

faces=${1:?faces dir}
out=${2:?output dir}
mkdir -p "$out"

agent_photo=$faces/barack_obama_whitehouse_2012.jpg
customer_photo=$faces/pexels_woman_smiling.jpg
stranger_photo=$faces/joe_biden_whitehouse.jpg
turned_photo=$faces/pexels_woman_tilted_hair.jpg # three-quarter view, hair over one eye
duration=10
fps=15

# The room, drawn on a plain wall; the desk and the cabinet are drawn again over the people
# (FRONT) so that they hide whoever is behind them.
room="drawbox=x=90:y=70:w=300:h=210:color=0xdfe7ee:t=fill,drawbox=x=90:y=70:w=300:h=210:color=0x4a4a4a:t=6,
      drawbox=x=0:y=560:w=1280:h=160:color=0x6b5a48:t=fill"
front="drawbox=x=1020:y=180:w=200:h=540:color=0x5a4030:t=fill,drawbox=x=1020:y=180:w=200:h=540:color=0x2e2018:t=4,
       drawbox=x=360:y=470:w=600:h=36:color=0x7a5a3c:t=fill,drawbox=x=380:y=506:w=560:h=214:color=0x654a32:t=fill"

# truth NAME: writes NAME.truth.csv (one line per frame) from the faces lines of NAME.labels.csv.
truth() {
  awk -F, -v fps=$fps -v n=$((duration * fps)) '
    $1 == "faces" { s[++r] = $2; e[r] = $3; c[r] = $4; a[r] = (NF >= 6 ? $5 : -1); u[r] = (NF >= 6 ? $6 : -1) }
    END {
      print "frame,time_s,faces,agent,customer"
      for (i = 0; i < n; ++i) {
        t = i / fps; f = -1; ag = -1; cu = -1
        for (k = 1; k <= r; ++k) if (t >= s[k] && t < e[k]) { f = c[k]; ag = a[k]; cu = u[k] }
        printf "%d,%.4f,%d,%d,%d\n", i, t, f, ag, cu
      }
    }' "$out/$1.labels.csv" >"$out/$1.truth.csv"
}

# clip NAME AGENT_H AGENT_X AGENT_Y CUSTOMER_PHOTO CUSTOMER_H CUSTOMER_X CUSTOMER_Y STRANGER_H STRANGER_X STRANGER_Y
#      PEOPLE_FILTERS FINAL_FILTERS LABELS
# Photo heights in pixels; X/Y are ffmpeg overlay expressions (t: seconds), the photo's top left.
# PEOPLE_FILTERS end in [a], [c] and [s] from [ai], [ci] and [si] (the scaled photos, RGBA).
clip() {
  local name=$1 ah=$2 ax=$3 ay=$4 cphoto=$5 ch=$6 cx=$7 cy=$8 sh=$9 sx=${10} sy=${11} people=${12} final=${13} labels=${14}
  local tmp=$out/.$name.mp4
  ffmpeg -nostdin -y -loglevel error \
    -f lavfi -i "color=c=0xb3aa98:s=1280x720:r=$fps:d=$duration" \
    -loop 1 -framerate $fps -i "$agent_photo" -loop 1 -framerate $fps -i "$cphoto" -loop 1 -framerate $fps -i "$stranger_photo" \
    -filter_complex "
      [0]$room[bg];
      [1]scale=-2:$ah,format=rgba[ai];[2]scale=-2:$ch,format=rgba[ci];[3]scale=-2:$sh,format=rgba[si];
      $people
      [bg][s]overlay=x='$sx':y='$sy':shortest=1[v1];
      [v1][a]overlay=x='$ax':y='$ay':shortest=1[v2];
      [v2][c]overlay=x='$cx':y='$cy':shortest=1[v3];
      [v3]$front,${final}noise=alls=6:allf=t+u,format=yuv420p[out]" \
    -map '[out]' -t $duration -r $fps -c:v libx264 -preset veryfast -crf 20 -g 30 "$tmp"
  mv "$tmp" "$out/$name.mp4"
  printf '%b' "$labels" >"$out/$name.labels.csv"
  truth "$name"
}

plain="[ai]null[a];[ci]null[c];[si]null[s];"
away=-2000 # an x that puts the stranger out of the picture

# Wide shot, both seated behind the desk, faces about 45 px (agent 154 px photo, customer 93 px):
# at a 320x180 analysis size these faces are 11 px. Must be clean.
clip wide_clean 154 480 336 "$customer_photo" 93 760 397 125 $away 0 "$plain" "" \
  "faces,0,10,2,1,1\n"

# Wide shot; the customer gets up at 3 s, walks right behind the cabinet (her face is behind it
# from 3.8 s), stays there and walks back from 6.5 s (her face clear of it again at 6.85 s).
walk='if(lt(t,3),760,if(lt(t,4),760+300*(t-3),if(lt(t,6.5),1060,if(lt(t,7.5),1060-300*(t-6.5),760))))'
clip wide_walk_behind 154 480 336 "$customer_photo" 93 "$walk" 397 125 $away 0 "$plain" "" \
  "defect,party_absent,customer,3.8,6.85\nfaces,0,3.7,2,1,1\nfaces,3.9,6.75,1,1,0\nfaces,6.95,10,2,1,1\n"

# Wide shot; a stranger (face about 45 px) walks in from the left behind the desk at 2 s, stands
# behind the parties from 4.8 s to 6 s, walks off right behind the cabinet (face hidden at 7 s).
passer='if(lt(t,2),-2000,if(lt(t,4.84),-110+250*(t-2),if(lt(t,6),600,600+400*(t-6))))'
clip wide_passerby 154 480 336 "$customer_photo" 93 760 397 125 "$passer" 257 "$plain" "" \
  "defect,third_party,,2.2,7.0\nfaces,0,2.1,2,1,1\nfaces,2.4,6.85,3,1,1\nfaces,7.1,10,2,1,1\n"

# Wide shot; the customer bends down behind the desk for 0.7 s at 5 s: below the grace, must NOT
# alarm.
dip='if(between(t,5,5.7),397+130,397)'
clip wide_brief_dip 154 480 336 "$customer_photo" 93 760 "$dip" 125 $away 0 "$plain" "" \
  "faces,0,4.95,2,1,1\nfaces,5.05,5.65,1,1,0\nfaces,5.75,10,2,1,1\n"

# Three-quarter view with hair over one eye (the customer, face about 50 px: 160 px photo) beside
# the agent (face about 50 px); the customer is away from 3 s to 6.5 s.
clip three_quarter 171 470 319 "$turned_photo" 160 'if(between(t,3,6.5),-2000,740)' 330 125 $away 0 "$plain" "" \
  "defect,party_absent,customer,3.0,6.5\nfaces,0,3,2,1,1\nfaces,3.1,6.5,1,1,0\nfaces,6.6,10,2,1,1\n"

# Heads tilted: both rock between -20 and +20 degrees (opposite ways, 4 s period), faces about
# 50 px; the agent is away from 5.5 s to 8.5 s.
tilt="[ai]rotate=a='0.349*sin(2*PI*t/4)':c=none:ow=hypot(iw\,ih):oh=ow[a];
      [ci]rotate=a='-0.349*sin(2*PI*t/4)':c=none:ow=hypot(iw\,ih):oh=ow[c];[si]null[s];"
clip tilted_heads 171 'if(between(t,5.5,8.5),-2000,430)' 280 "$customer_photo" 103 720 345 125 $away 0 "$tilt" "" \
  "defect,party_absent,agent,5.5,8.5\nfaces,0,5.5,2,1,1\nfaces,5.6,8.5,1,0,1\nfaces,8.6,10,2,1,1\n"

# Dim room with a noisy picture: everything at about 30 % brightness, strong sensor noise; wide
# shot (faces about 45 px); the customer is away from 6 s to 9 s.
clip dim_noise 154 480 336 "$customer_photo" 93 'if(between(t,6,9),-2000,760)' 397 125 $away 0 "$plain" \
  "colorlevels=romax=0.3:gomax=0.3:bomax=0.3,noise=alls=10:allf=t," \
  "defect,party_absent,customer,6.0,9.0\nfaces,0,6,2,1,1\nfaces,6.1,9,1,1,0\nfaces,9.1,10,2,1,1\n"
