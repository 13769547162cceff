#!/usr/bin/env bash
# Builds Hark's demo library: 8 short two-channel contact-centre call recordings
# (agent LEFT, customer RIGHT), plus calls.csv (CDR-style metadata) and truth.json
# (where each talk turn was placed, for voice-activity-detection tests).
#
# Needs: espeak-ng, sox (libsox-fmt-all), ffmpeg (libmp3lame, libvorbis), awk.
# Deterministic: same tools -> byte-identical output (sox -R, ffmpeg bitexact).
# Re-runnable: it replaces its own outputs. Usage: bash assets/demo/make-demo.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export LC_ALL=C.UTF-8

for tool in espeak-ng sox soxi ffmpeg awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-demo: $tool is required" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SOX=(sox -R -V1)
FFMPEG=(ffmpeg -nostdin -hide_banner -loglevel error -y)
DEAD_AIR_MIN_MS=3000   # gaps where both sides are silent at least this long are listed as dead air

# Remove previous outputs (only the files this script makes).
rm -f in-*.wav in-*.mp3 in-*.flac in-*.ogg out-*.wav out-*.mp3 out-*.flac out-*.ogg
csv_rows=()
truth_calls=()

json_escape() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '%s' "$s"; }

# render_call reads the dialogue from stdin, one turn per line:
#     SIDE GAP_MS TEXT
#   SIDE    A = agent (left channel), C = customer (right channel)
#   GAP_MS  silence after the end of the previous turn (either side) before this turn
#           starts; for the first turn, the time from the start of the recording.
#           Negative = this turn starts before the previous one ends (overtalk).
# Positional arguments:
#   1 start (UTC, YYYY-MM-DDTHH:MM:SS)   2 Asterisk sequence number   3 direction (in|out)
#   4 customer number (digits)           5 agent extension            6 format (pcm|ulaw|mp3|flac|ogg)
#   7 sample rate (8000|16000)           8 agent voice  9 agent pitch  10 agent speed
#   11 customer voice  12 customer pitch  13 customer speed
#   14.. CSV fields: agent team vendor queue disposition caller callee
render_call() {
  local start=$1 seq=$2 dir=$3 cust_num=$4 ext=$5 fmt=$6 rate=$7
  local a_voice=$8 a_pitch=$9 a_speed=${10} c_voice=${11} c_pitch=${12} c_speed=${13}
  local agent=${14} team=${15} vendor=${16} queue=${17} disposition=${18} caller=${19} callee=${20}

  local epoch; epoch=$(date -u -d "${start}Z" +%s)
  local call_id="${epoch}.${seq}"
  local stamp; stamp=$(date -u -d "${start}Z" +%Y%m%d-%H%M%S)
  local ext_name codec_args codec_name
  case $fmt in
    pcm)  ext_name=wav;  codec_name=pcm_s16le;  codec_args=(-c:a pcm_s16le) ;;
    ulaw) ext_name=wav;  codec_name=pcm_mulaw;  codec_args=(-c:a pcm_mulaw) ;;
    mp3)  ext_name=mp3;  codec_name=mp3;        codec_args=(-c:a libmp3lame -b:a "$([ "$rate" -ge 16000 ] && echo 48k || echo 32k)") ;;
    flac) ext_name=flac; codec_name=flac;       codec_args=(-c:a flac -compression_level 8) ;;
    ogg)  ext_name=ogg;  codec_name=vorbis;     codec_args=(-c:a libvorbis -q:a 2) ;;
    *) echo "make-demo: unknown format $fmt" >&2; exit 1 ;;
  esac
  local file="${dir}-${cust_num}-${ext}-${stamp}-${call_id}.${ext_name}"
  local spr=$((rate / 1000))          # samples per millisecond (8 or 16)
  local cdir="$work/$call_id"; mkdir -p "$cdir"

  # Telephone-ish band: 8 kHz calls get a 300 Hz high-pass (the resampler already cuts at 4 kHz).
  local band=(highpass 300)
  [ "$rate" -ge 16000 ] && band=(highpass 120 lowpass 7000)

  local n=0 prev_end=0 a_end=0 c_end=0 a_samp=0 c_samp=0
  local -a a_parts=() c_parts=() segs=()
  local side gap text voice pitch speed gain side_end start_ms dur_ms end_ms samples pad_samp
  while read -r side gap text; do
    [ -z "$side" ] && continue
    n=$((n + 1))
    if [ "$side" = A ]; then voice=$a_voice pitch=$a_pitch speed=$a_speed gain=-3 side_end=$a_end
    else voice=$c_voice pitch=$c_pitch speed=$c_speed gain=-6 side_end=$c_end; fi

    espeak-ng -v "$voice" -p "$pitch" -s "$speed" -w "$cdir/raw$n.wav" "$text" </dev/null
    # Resample, band-limit, trim espeak's leading/trailing silence so the truth is tight, normalise.
    "${SOX[@]}" "$cdir/raw$n.wav" -r "$rate" -c 1 -b 16 "$cdir/turn$n.wav" \
      rate -v "$rate" "${band[@]}" \
      silence 1 0.01 -50d reverse silence 1 0.01 -50d reverse gain -n "$gain"
    samples=$(soxi -s "$cdir/turn$n.wav")
    dur_ms=$(( (samples + spr / 2) / spr ))

    if [ "$n" -eq 1 ]; then start_ms=$gap; else start_ms=$((prev_end + gap)); fi
    if [ "$start_ms" -lt "$side_end" ]; then
      echo "make-demo: $file turn $n ($side) starts at $start_ms ms, before that side's previous turn ends ($side_end ms)" >&2
      exit 1
    fi
    end_ms=$((start_ms + dur_ms))
    [ "$end_ms" -gt "$prev_end" ] && prev_end=$end_ms

    # Place the turn on its channel: pad with silence from that channel's cursor to start_ms.
    if [ "$side" = A ]; then
      pad_samp=$((start_ms * spr - a_samp))
      "${SOX[@]}" "$cdir/turn$n.wav" "$cdir/part$n.wav" pad "${pad_samp}s"
      a_parts+=("$cdir/part$n.wav"); a_samp=$((a_samp + pad_samp + samples)); a_end=$end_ms
      segs+=("$start_ms $end_ms agent $(json_escape "$text")")
    else
      pad_samp=$((start_ms * spr - c_samp))
      "${SOX[@]}" "$cdir/turn$n.wav" "$cdir/part$n.wav" pad "${pad_samp}s"
      c_parts+=("$cdir/part$n.wav"); c_samp=$((c_samp + pad_samp + samples)); c_end=$end_ms
      segs+=("$start_ms $end_ms customer $(json_escape "$text")")
    fi
  done

  # A short tail after the last word, then build each channel at the full length.
  local total_ms=$((prev_end + 900))
  local total_samp=$((total_ms * spr))
  "${SOX[@]}" "${a_parts[@]}" "$cdir/agent.wav" pad 0 "$((total_samp - a_samp))s"
  "${SOX[@]}" "${c_parts[@]}" "$cdir/customer.wav" pad 0 "$((total_samp - c_samp))s"
  "${SOX[@]}" -M "$cdir/agent.wav" "$cdir/customer.wav" "$cdir/talk.wav"
  # Very low noise floor (about -60 dBFS) so silence is not digital zero.
  "${SOX[@]}" -r "$rate" -c 2 -n -b 16 "$cdir/noise.wav" synth "${total_samp}s" brownnoise vol -60dB
  "${SOX[@]}" -m -v 1 "$cdir/talk.wav" -v 1 "$cdir/noise.wav" -b 16 "$cdir/master.wav" trim 0 "${total_samp}s"

  "${FFMPEG[@]}" -i "$cdir/master.wav" -map_metadata -1 "${codec_args[@]}" \
    -fflags +bitexact -flags:a +bitexact "$file"

  csv_rows+=("$file,$call_id,${start}+00:00,$([ "$dir" = in ] && echo inbound || echo outbound),$agent,$team,$vendor,$queue,$disposition,$caller,$callee")

  # Truth: segments sorted by start, overtalk (both sides at once) and dead air (neither side).
  local analysis
  analysis=$(printf '%s\n' "${segs[@]}" | awk -v min="$DEAD_AIR_MIN_MS" '
    { s[NR] = $1; e[NR] = $2; ch[NR] = $3 }
    END {
      # overtalk: every agent/customer intersection
      for (i = 1; i <= NR; i++) for (j = 1; j <= NR; j++)
        if (ch[i] == "agent" && ch[j] == "customer") {
          a = (s[i] > s[j]) ? s[i] : s[j]; b = (e[i] < e[j]) ? e[i] : e[j]
          if (b > a) printf "O %d %d\n", a, b
        }
      # dead air: gaps in the union of all segments (segments are in start order)
      cur = e[1]
      for (i = 2; i <= NR; i++) {
        if (s[i] - cur >= min) printf "D %d %d\n", cur, s[i]
        if (e[i] > cur) cur = e[i]
      }
    }' | sort -k1,1 -k2,2n)

  local j seg_json="" ot_json="" da_json="" kind a b
  for j in "${!segs[@]}"; do
    read -r a b kind text <<<"${segs[$j]}"
    seg_json+="${seg_json:+,}
        {\"start_ms\": $a, \"end_ms\": $b, \"channel\": \"$kind\", \"text\": \"$text\"}"
  done
  while read -r kind a b; do
    [ -z "${kind:-}" ] && continue
    if [ "$kind" = O ]; then ot_json+="${ot_json:+, }{\"start_ms\": $a, \"end_ms\": $b}"
    else da_json+="${da_json:+, }{\"start_ms\": $a, \"end_ms\": $b}"; fi
  done <<<"$analysis"

  truth_calls+=("    {
      \"file\": \"$file\",
      \"call_id\": \"$call_id\",
      \"codec\": \"$codec_name\",
      \"sample_rate\": $rate,
      \"channels\": 2,
      \"channel_map\": {\"left\": \"agent\", \"right\": \"customer\"},
      \"duration_ms\": $total_ms,
      \"segments\": [$seg_json
      ],
      \"overtalk\": [$ot_json],
      \"dead_air\": [$da_json]
    }")
  printf 'made %-62s %6d ms  %2d turns\n' "$file" "$total_ms" "$n"
}

# ---------------------------------------------------------------------------------------------
# 1. Billing question — inbound, Emma Clarke, G.711 mu-law WAV, 8 kHz (overtalk)
render_call 2026-11-02T09:14:05 11 in 5555550142 4401 ulaw 8000 \
  en-gb+f3 58 160  en-us+m3 40 155 \
  "Emma Clarke" Billing In-house billing resolved +15555550142 +15555550100 <<'EOF'
A 600 Thank you for calling Northwind billing, this is Emma. How can I help?
C 500 Hi. My bill this month is almost double what I normally pay.
A 400 I'm sorry to hear that. Can I have your account number, please?
C 700 It's four four one, nine two seven.
A 800 Thank you. I can see the last bill used an estimated meter reading.
C -1300 So it's just a guess?
A 400 Yes. If you read your meter now, I can correct the bill for you.
C 900 Okay, it says three two eight five.
A 600 Great, your new balance is sixty one dollars. Is there anything else?
C 400 No, that's all. Thanks.
EOF

# 2. Internet outage — inbound, Daniel Cohen, G.711 mu-law WAV, 8 kHz (dead air, overtalk)
render_call 2026-11-02T10:02:47 37 in 5555550188 4512 ulaw 8000 \
  en-gb+m3 45 160  en-us+f2 62 165 \
  "Daniel Cohen" "Tech Support" "Northwind BPO" support resolved +15555550188 +15555550101 <<'EOF'
A 600 Tech support, Daniel speaking.
C 400 Hi, my internet has been down since this morning. All the lights on the router are red.
A 500 Let me run a line test. Please stay on the line.
A 6000 Thanks for waiting. There is an outage in your area, caused by a damaged cable.
C -1500 Do you know when it will be fixed?
A 500 Engineers are on site. It should be back by four p m today.
C 600 Can I get a credit for the lost day?
A 500 Yes, I've added a one day credit to your account.
C 400 Great, thank you.
EOF

# 3. Cancellation attempt — inbound, سارا احمدی, MP3 CBR 32 kb/s, 8 kHz (dead air, overtalk)
render_call 2026-11-02T14:31:12 58 in 5555550123 4403 mp3 8000 \
  en+f4 50 160  en-us+m1 35 150 \
  "سارا احمدی" Retention In-house retention retained +15555550123 +15555550102 <<'EOF'
A 600 Hello, you're through to the retention team, my name is Sara.
C 500 Hi. I want to cancel my contract. It's too expensive.
A 500 I understand. Before you go, may I check if there is a better plan for you?
C 700 Fine, but I'm not changing my mind.
A 5200 I can offer the same package for twenty dollars less per month, for twelve months.
C -1300 Twenty less? Every month?
A 400 Yes, every month, and no setup fee.
C 900 Okay. Let's do that instead.
A 400 Wonderful. I've applied the discount and withdrawn your cancellation.
EOF

# 4. Sales upsell — outbound, سارا احمدی, MP3 CBR 48 kb/s, 16 kHz (clean call)
render_call 2026-11-03T11:20:09 104 out 5555550177 4403 mp3 16000 \
  en+f4 50 160  en-gb-scotland+m6 42 150 \
  "سارا احمدی" Retention In-house sales sale +15555550100 +15555550177 <<'EOF'
A 800 Good afternoon, this is Sara from Northwind. Am I speaking with Mister Harris?
C 500 Yes, speaking.
A 400 I'm calling because you qualify for our fibre upgrade. It is five times faster, for only eight dollars more.
C 700 Hmm. What about the installation?
A 400 Installation is free, and an engineer can come next Tuesday.
C 1200 Alright, sign me up.
A 400 Excellent. You'll get a confirmation email within the hour.
C 400 Thanks, bye.
EOF

# 5. Debt collection reminder — outbound, ليلى حداد, FLAC, 8 kHz (dead air)
render_call 2026-11-03T15:45:30 131 out 5555550164 4520 flac 8000 \
  en+f2 55 160  en-us+f5 68 160 \
  "ليلى حداد" Billing "Northwind BPO" collections callback +15555550103 +15555550164 <<'EOF'
A 700 Hello, this is Layla calling from Northwind accounts. Is this Miss Novak?
C 600 Yes, what is this about?
A 400 Your account has an overdue balance of one hundred and twenty dollars, from September.
C 4800 Oh. I thought I paid that.
A 500 I can't see a payment on our side. Would you like to pay today, or set up a plan?
C 600 I can't pay today. Can you call me back on Friday?
A 500 Of course. I'll schedule a callback for Friday morning.
C 400 Thank you.
EOF

# 6. Address change — inbound, Emma Clarke, PCM 16-bit WAV, 8 kHz (overtalk)
render_call 2026-11-04T08:58:41 9 in 5555550119 4401 pcm 8000 \
  en-gb+f3 58 160  en-us+m7 45 160 \
  "Emma Clarke" Billing In-house billing resolved +15555550119 +15555550100 <<'EOF'
A 600 Billing, Emma speaking. How can I help?
C 400 Hi, I've moved house and I need to update my address.
A 500 No problem. What's the new address?
C 600 Twelve Harbour Road, Brighton, B N two, five T G.
A 600 Twelve Harbour Road, Brighton. And the postcode again?
C -1100 B N two, five T G.
A 500 Thank you, that's updated. Your next bill will go to the new address.
C 400 Perfect, thanks.
EOF

# 7. Complaint — inbound, Ivan Petrov, Ogg Vorbis, 16 kHz (dead air, overtalk)
render_call 2026-11-04T13:07:55 66 in 5555550150 4517 ogg 16000 \
  en+m3 38 160  en-us+m2 58 175 \
  "Ivan Petrov" "Tech Support" "Northwind BPO" support escalated +15555550150 +15555550101 <<'EOF'
A 600 Support, this is Ivan.
C 300 I've called three times about the same problem and nobody has fixed it!
A 500 I'm sorry about that. Let me look at your case history.
A 5500 I can see the three previous tickets. This should have been escalated.
C -1600 It should have been escalated weeks ago!
A 500 You're right. I'm escalating it to a senior engineer now, with a priority flag.
C 600 And I want a refund for this month.
A 400 I'll request that too. You'll hear from us within two working days.
C 500 Fine.
EOF

# 8. Refund — inbound, ليلى حداد, PCM 16-bit WAV, 8 kHz (overtalk)
render_call 2026-11-05T16:22:18 142 in 5555550131 4520 pcm 8000 \
  en+f2 55 160  en-us+m4 40 155 \
  "ليلى حداد" Billing "Northwind BPO" billing resolved +15555550131 +15555550100 <<'EOF'
A 600 Northwind billing, Layla speaking.
C 400 Hello, I was charged twice for my October bill, and I'd like a refund.
A 500 Let me check. Yes, I can see two payments of fifty four dollars on the same day.
C -1200 So you can see it too?
A 400 Yes. I'm issuing a refund for the duplicate payment now.
C 600 How long will it take?
A 400 Three to five working days, back to the same card.
C 500 Great. Thank you for sorting that out.
A 300 You're welcome. Have a nice day.
EOF

# ---------------------------------------------------------------------------------------------
{
  echo "file,call_id,start,direction,agent,team,vendor,queue,disposition,caller,callee"
  printf '%s\n' "${csv_rows[@]}"
} >calls.csv

{
  echo "{"
  echo "  \"version\": 1,"
  echo "  \"description\": \"Talk turns as placed by make-demo.sh. Times in ms from the start of the file; left channel = agent, right = customer. A segment spans one turn, including espeak's short pauses between sentences. overtalk = both sides talking; dead_air = both silent for at least ${DEAD_AIR_MIN_MS} ms between the first and last turn.\","
  echo "  \"calls\": ["
  for j in "${!truth_calls[@]}"; do
    printf '%s' "${truth_calls[$j]}"
    [ "$j" -lt $((${#truth_calls[@]} - 1)) ] && echo "," || echo
  done
  echo "  ]"
  echo "}"
} >truth.json

echo "make-demo: wrote ${#csv_rows[@]} calls, calls.csv and truth.json in $(pwd)"
