#!/usr/bin/env bash
# Documents checked with tools that are not ours. `thidua doc sample`
# writes the sample report, a công văn, the edge cases (hostile characters,
# a 2,000-character word, 100 columns), a 5,000-row annex and an empty
# document as DOCX, PDF and XLSX; LibreOffice opens our DOCX and XLSX and
# prints them to PDF; poppler reads every PDF back: text (compared in NFC),
# embedded fonts, A4 page size, page counts, the page number from page 2
# on. Pages of the sample go to tests/artifacts/doc-*.png for a human to
# look at.
#
# The 5,000-row DOCX is left out of the LibreOffice run: Writer needs
# 30–45 s to lay out such a table; the whole step takes 8–20 s.
# Prints "doc: N passed, N failed" and records the counts in $THIDUA_RESULTS.
set -uo pipefail
cd "$(dirname "$0")/.."
label=${THIDUA_LABEL:-doc}
art=tests/artifacts
work=$(mktemp -d /tmp/thidua-doc-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$art" "$work/lo"
make -s build/thidua || exit 1

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "  FAIL: $*"; }
check() { # check WHAT CMD...: CMD succeeds
	local what=$1; shift
	if "$@" >/dev/null 2>&1; then ok; else bad "$what"; fi
}

nfc() { node -e 'process.stdout.write(require("fs").readFileSync(0, "utf8").normalize("NFC"))'; }
# A PDF's text in reading layout, NFC, blanks squeezed to one space.
text_of() { pdftotext -layout "$@" - 2>/dev/null | nfc | tr -s ' \t' '  '; }
has() { # has FILE TEXT...: every TEXT occurs in FILE
	local f=$1 t; shift
	for t in "$@"; do
		if grep -qF -- "$t" "$f"; then ok; else bad "${f#"$work"/}: no \"$t\""; fi
	done
}
# the expected texts below are compared as written: this file must be NFC
check "test-doc.sh itself is in NFC" sh -c "node -e 'const s = require(\"fs\").readFileSync(\"$0\", \"utf8\");
	process.exit(s === s.normalize(\"NFC\") ? 0 : 1)'"
fonts_embedded() { # every font of the PDF embedded, and at least one
	pdffonts "$1" 2>/dev/null | awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ } END { exit !(n > 0 && !bad) }'
}
is_a4() { # every page 595.x × 841.x pt, or 841.x × 595.x (landscape)
	pdfinfo -f 1 -l 100000 "$1" 2>/dev/null | awk '/^Page +[0-9]+ size:/ {
		n++; w = int($4); h = int($6)
		if (!((w == 595 && h == 841) || (w == 841 && h == 595))) bad++ } END { exit !(n > 0 && !bad) }'
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
first_line() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null | sed '/^[[:space:]]*$/d' | head -n 1 | tr -d ' \f'; }
numbered_from_page_2() { # no number atop page 1, "2" atop page 2
	[ "$(first_line "$1" 2)" = 2 ] && ! [[ "$(first_line "$1" 1)" =~ ^[0-9]+$ ]]
}

# --- our writers ---
for v in report letter edge big empty; do
	for f in docx pdf xlsx; do
		check "thidua doc sample --variant $v -o $v.$f" build/thidua doc sample --variant "$v" -o "$work/$v.$f"
	done
done
cp "$work/report.xlsx" "$work/report-sheet.xlsx" # LibreOffice names its PDF after the file

# --- LibreOffice: our DOCX and XLSX, one start for all ---
t0=$(date +%s.%N)
timeout 120 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
	--convert-to pdf --outdir "$work/lo" "$work/report.docx" "$work/letter.docx" "$work/edge.docx" \
	"$work/empty.docx" "$work/report-sheet.xlsx" >"$work/lo.log" 2>&1
lo_secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "  LibreOffice converted 4 DOCX + 1 XLSX in $lo_secs s"
for f in report letter edge empty report-sheet; do
	check "LibreOffice converts $f" test -s "$work/lo/$f.pdf"
done

# --- what every PDF must be ---
for pdf in "$work"/report.pdf "$work"/letter.pdf "$work"/edge.pdf "$work"/big.pdf "$work"/empty.pdf \
	"$work"/lo/report.pdf "$work"/lo/letter.pdf "$work"/lo/edge.pdf "$work"/lo/empty.pdf; do
	name=${pdf#"$work"/}
	check "$name: fonts embedded" fonts_embedded "$pdf"
	check "$name: A4" is_a4 "$pdf"
done
for pdf in "$work/report.pdf" "$work/lo/report.pdf"; do
	name=${pdf#"$work"/}
	check "$name: more than one page" test "$(pages "$pdf")" -gt 1
	check "$name: page number from page 2 on" numbered_from_page_2 "$pdf"
	text_of "$pdf" >"$pdf.txt"
	has "$pdf.txt" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
		"UBND TỈNH QUẢNG NGÃI" "SỞ NỘI VỤ" "Số: 15/BC-SNV" "Quảng Ngãi, ngày 05 tháng 01 năm 2026" \
		"BÁO CÁO" "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi" "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI" \
		"II. KẾT QUẢ THỰC HIỆN PHONG TRÀO" "a) Về xây dựng và thực hiện quy chế văn hóa công sở" \
		"2. Hạn chế, nguyên nhân" "Biểu 01. Kết quả khen thưởng trong Phong trào năm 2025" \
		"1 Huân chương Lao động hạng Ba 1 0 1 2" "5 Giấy khen của Giám đốc Sở Nội vụ 35 12 128 175" \
		"Tổng cộng 59 16 178 253" "Nơi nhận:" "- Như trên;" "- Lưu: VT, TĐKT." "KT. GIÁM ĐỐC" \
		"PHÓ GIÁM ĐỐC" "Nguyễn Văn A" "Phụ lục I" "Ông Lê Văn Dũng" "điển hình tiên tiến" \
		"(Kèm theo Báo cáo số 15/BC-SNV ngày 05/01/2026 của Sở Nội vụ)"
done
for pdf in "$work/letter.pdf" "$work/lo/letter.pdf"; do
	text_of "$pdf" >"$pdf.txt"
	has "$pdf.txt" "Số: 05/SNV-TĐKT" "V/v báo cáo sơ kết Phong trào thi" "Kính gửi: - Các sở, ban, ngành tỉnh;" \
		"- Ủy ban nhân dân các xã, phường, đặc khu." "Quảng Ngãi, ngày 03 tháng 11 năm 2025" "TL. GIÁM ĐỐC" \
		"Trần Thị Bích Ngọc"
done
# Word's Times New Roman is set in Liberation Serif, same metrics
check "LibreOffice lays our DOCX out in Liberation Serif" sh -c "pdffonts '$work/lo/report.pdf' | grep -q LiberationSerif"
for pdf in "$work/edge.pdf" "$work/lo/edge.pdf"; do
	name=${pdf#"$work"/}
	text_of "$pdf" >"$pdf.txt"
	has "$pdf.txt" "Ký tự lạ:" "hết." "Một từ dài 2.000 ký tự" "Bảng 100 cột: tiêu chí [thi đua]"
	# two copies of 76 alphabets and a bit; line breaks, the page number and
	# the neighbouring cell may cut two of them
	check "$name: the long word is all there" \
		test "$(tr -d ' \n\f0-9' <"$pdf.txt" | grep -o abcdefghijklmnopqrstuvwxyz | wc -l)" -ge 150
	check "$name: a landscape page for 100 columns" sh -c "pdfinfo -f 1 -l 99 '$pdf' | grep -q '841.89 x 595'"
done
check "big.pdf: 5,000 rows over 100+ pages" test "$(pages "$work/big.pdf")" -gt 100
text_of "$work/big.pdf" >"$work/big.txt"
has "$work/big.txt" "5000 Nguyễn Thị Người Thứ 5000 Xã Đức Phổ 1" "Tổng cộng 14.995"
for pdf in "$work/empty.pdf" "$work/lo/empty.pdf"; do
	check "${pdf#"$work"/}: one page" test "$(pages "$pdf")" -eq 1
done
text_of "$work/lo/report-sheet.pdf" >"$work/sheet.txt"
has "$work/sheet.txt" "Biểu 01. Kết quả khen thưởng trong Phong trào năm 2025" "Số lượng" "Hộ gia đình" \
	"Tổng cộng 59 16 178 253" "Bà Trần Thị Bích Ngọc"

# --- pages to look at ---
png() { pdftoppm -r 60 -png -f "$2" -l "$2" -singlefile "$1" "$art/$3" 2>/dev/null; }
check "artifact doc-pdf-1.png" png "$work/report.pdf" 1 doc-pdf-1
check "artifact doc-pdf-2.png" png "$work/report.pdf" 2 doc-pdf-2
check "artifact doc-docx-lo-1.png" png "$work/lo/report.pdf" 1 doc-docx-lo-1
check "artifact doc-docx-lo-2.png" png "$work/lo/report.pdf" 2 doc-docx-lo-2
check "artifact doc-pdf-wide.png" png "$work/edge.pdf" 3 doc-pdf-wide

[ "$fail" -eq 0 ] || sed 's/^/  lo: /' "$work/lo.log" | tail -n 5
echo "$label: $pass passed, $fail failed"
[ -n "${THIDUA_RESULTS:-}" ] && echo "$label $pass $fail" >>"$THIDUA_RESULTS"
[ "$fail" -eq 0 ]
