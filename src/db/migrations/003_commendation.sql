-- 003 — commendation: the catalogue of award forms, decisions and the awards
-- they grant, a summary of award counts for statistics, and the tables of
-- nominations and exemplary models (filled by later work).
-- Sources and the rules built on this catalogue: docs/commendation.md,
-- src/core/award_rules.c; legal notes: shared/domain/law-and-formats.md §1.3–1.5.

-- Award forms (hình thức khen thưởng) and emulation titles (danh hiệu thi đua).
--   kind            order | medal | honor_title | certificate | emulation_title | flag | other
--   authority_level who grants it under the rules in force today:
--                   state (Chủ tịch nước) | government (Thủ tướng) |
--                   ministry_province (Bộ trưởng, Chủ tịch UBND tỉnh) |
--                   district (Chủ tịch UBND cấp huyện, until 30/6/2025) |
--                   commune (Chủ tịch UBND cấp xã) | agency (thủ trưởng cơ quan,
--                   đơn vị) | enterprise (giám đốc doanh nghiệp, hợp tác xã)
--   recipient_types comma list of collective, household, individual
--   valid_from/to   the decision dates on which the form may be granted (NULL: open)
--   search_key      text_search_key(name); aliases: other names people write,
--                   separated by '|', matched by the importer
--   report_row      the row of the outline "commendation" figure table the form
--                   is counted in when a report is filled from the record
--   builtin         1 for the seeded catalogue: its codes are stable identities
CREATE TABLE award_forms (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('order', 'medal', 'honor_title', 'certificate',
		'emulation_title', 'flag', 'other')),
	authority_level TEXT NOT NULL CHECK (authority_level IN ('state', 'government',
		'ministry_province', 'district', 'commune', 'agency', 'enterprise')),
	recipient_types TEXT NOT NULL,
	valid_from TEXT,
	valid_to TEXT,
	position INTEGER NOT NULL DEFAULT 0,
	search_key TEXT NOT NULL,
	aliases TEXT NOT NULL DEFAULT '',
	report_row TEXT NOT NULL DEFAULT 'khac' CHECK (report_row IN ('huan_chuong', 'bang_khen_ttg',
		'bang_khen_bo_tinh', 'giay_khen', 'co_thi_dua', 'chien_si_thi_dua', 'khac')),
	builtin INTEGER NOT NULL DEFAULT 0
);

-- Orders (huân chương) — Luật TĐKT 2022 Chương III Mục 2 (the orders and their
-- ranks); decided by the State President, Luật TĐKT 2022 Đ.76 (article number
-- as read in law-and-formats.md §1.5, not checked against the gazette).
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('HCSV', 'Huân chương Sao vàng', 'order', 'state', 'collective,individual', NULL, NULL, 10, 'huan chuong sao vang', '', 'huan_chuong', 1),
	('HCHCM', 'Huân chương Hồ Chí Minh', 'order', 'state', 'collective,individual', NULL, NULL, 20, 'huan chuong ho chi minh', '', 'huan_chuong', 1),
	('HCDL1', 'Huân chương Độc lập hạng Nhất', 'order', 'state', 'collective,individual', NULL, NULL, 30, 'huan chuong doc lap hang nhat', 'HCĐL hạng Nhất', 'huan_chuong', 1),
	('HCDL2', 'Huân chương Độc lập hạng Nhì', 'order', 'state', 'collective,individual', NULL, NULL, 40, 'huan chuong doc lap hang nhi', 'HCĐL hạng Nhì', 'huan_chuong', 1),
	('HCDL3', 'Huân chương Độc lập hạng Ba', 'order', 'state', 'collective,individual', NULL, NULL, 50, 'huan chuong doc lap hang ba', 'HCĐL hạng Ba', 'huan_chuong', 1),
	('HCQC1', 'Huân chương Quân công hạng Nhất', 'order', 'state', 'collective,individual', NULL, NULL, 60, 'huan chuong quan cong hang nhat', 'HCQC hạng Nhất', 'huan_chuong', 1),
	('HCQC2', 'Huân chương Quân công hạng Nhì', 'order', 'state', 'collective,individual', NULL, NULL, 70, 'huan chuong quan cong hang nhi', 'HCQC hạng Nhì', 'huan_chuong', 1),
	('HCQC3', 'Huân chương Quân công hạng Ba', 'order', 'state', 'collective,individual', NULL, NULL, 80, 'huan chuong quan cong hang ba', 'HCQC hạng Ba', 'huan_chuong', 1),
	('HCLD1', 'Huân chương Lao động hạng Nhất', 'order', 'state', 'collective,individual', NULL, NULL, 90, 'huan chuong lao dong hang nhat', 'HCLĐ hạng Nhất', 'huan_chuong', 1),
	('HCLD2', 'Huân chương Lao động hạng Nhì', 'order', 'state', 'collective,individual', NULL, NULL, 100, 'huan chuong lao dong hang nhi', 'HCLĐ hạng Nhì', 'huan_chuong', 1),
	('HCLD3', 'Huân chương Lao động hạng Ba', 'order', 'state', 'collective,individual', NULL, NULL, 110, 'huan chuong lao dong hang ba', 'HCLĐ hạng Ba', 'huan_chuong', 1),
	('HCBVTQ1', 'Huân chương Bảo vệ Tổ quốc hạng Nhất', 'order', 'state', 'collective,individual', NULL, NULL, 120, 'huan chuong bao ve to quoc hang nhat', 'HCBVTQ hạng Nhất', 'huan_chuong', 1),
	('HCBVTQ2', 'Huân chương Bảo vệ Tổ quốc hạng Nhì', 'order', 'state', 'collective,individual', NULL, NULL, 130, 'huan chuong bao ve to quoc hang nhi', 'HCBVTQ hạng Nhì', 'huan_chuong', 1),
	('HCBVTQ3', 'Huân chương Bảo vệ Tổ quốc hạng Ba', 'order', 'state', 'collective,individual', NULL, NULL, 140, 'huan chuong bao ve to quoc hang ba', 'HCBVTQ hạng Ba', 'huan_chuong', 1),
	('HCCC1', 'Huân chương Chiến công hạng Nhất', 'order', 'state', 'collective,individual', NULL, NULL, 150, 'huan chuong chien cong hang nhat', 'HCCC hạng Nhất', 'huan_chuong', 1),
	('HCCC2', 'Huân chương Chiến công hạng Nhì', 'order', 'state', 'collective,individual', NULL, NULL, 160, 'huan chuong chien cong hang nhi', 'HCCC hạng Nhì', 'huan_chuong', 1),
	('HCCC3', 'Huân chương Chiến công hạng Ba', 'order', 'state', 'collective,individual', NULL, NULL, 170, 'huan chuong chien cong hang ba', 'HCCC hạng Ba', 'huan_chuong', 1),
	('HCDDKDT', 'Huân chương Đại đoàn kết dân tộc', 'order', 'state', 'individual', NULL, NULL, 180, 'huan chuong dai doan ket dan toc', 'HCĐĐKDT', 'huan_chuong', 1),
	('HCDC', 'Huân chương Dũng cảm', 'order', 'state', 'individual', NULL, NULL, 190, 'huan chuong dung cam', '', 'huan_chuong', 1),
	('HCHN', 'Huân chương Hữu nghị', 'order', 'state', 'collective,individual', NULL, NULL, 200, 'huan chuong huu nghi', '', 'huan_chuong', 1);

-- Medals (huy chương) — Luật TĐKT 2022 Chương III Mục 3; State President (Đ.76).
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('HUYQKQT', 'Huy chương Quân kỳ quyết thắng', 'medal', 'state', 'individual', NULL, NULL, 210, 'huy chuong quan ky quyet thang', '', 'khac', 1),
	('HUYVANTQ', 'Huy chương Vì an ninh Tổ quốc', 'medal', 'state', 'individual', NULL, NULL, 220, 'huy chuong vi an ninh to quoc', '', 'khac', 1),
	('HUYCSVV1', 'Huy chương Chiến sĩ vẻ vang hạng Nhất', 'medal', 'state', 'individual', NULL, NULL, 230, 'huy chuong chien si ve vang hang nhat', '', 'khac', 1),
	('HUYCSVV2', 'Huy chương Chiến sĩ vẻ vang hạng Nhì', 'medal', 'state', 'individual', NULL, NULL, 240, 'huy chuong chien si ve vang hang nhi', '', 'khac', 1),
	('HUYCSVV3', 'Huy chương Chiến sĩ vẻ vang hạng Ba', 'medal', 'state', 'individual', NULL, NULL, 250, 'huy chuong chien si ve vang hang ba', '', 'khac', 1),
	('HUYHN', 'Huy chương Hữu nghị', 'medal', 'state', 'individual', NULL, NULL, 260, 'huy chuong huu nghi', '', 'khac', 1);

-- State honour titles (danh hiệu vinh dự nhà nước) and the Hồ Chí Minh and
-- State prizes — Luật TĐKT 2022 Đ.9 (the forms, law-and-formats.md §1.4);
-- State President (Đ.76).
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('AHLD', 'Anh hùng Lao động', 'honor_title', 'state', 'collective,individual', NULL, NULL, 270, 'anh hung lao dong', 'AHLĐ', 'khac', 1),
	('AHLLVT', 'Anh hùng Lực lượng vũ trang nhân dân', 'honor_title', 'state', 'collective,individual', NULL, NULL, 280, 'anh hung luc luong vu trang nhan dan', 'AHLLVTND', 'khac', 1),
	('BMVNAH', 'Bà mẹ Việt Nam anh hùng', 'honor_title', 'state', 'individual', NULL, NULL, 290, 'ba me viet nam anh hung', '', 'khac', 1),
	('NGND', 'Nhà giáo Nhân dân', 'honor_title', 'state', 'individual', NULL, NULL, 300, 'nha giao nhan dan', '', 'khac', 1),
	('NGUT', 'Nhà giáo Ưu tú', 'honor_title', 'state', 'individual', NULL, NULL, 310, 'nha giao uu tu', '', 'khac', 1),
	('TTND', 'Thầy thuốc Nhân dân', 'honor_title', 'state', 'individual', NULL, NULL, 320, 'thay thuoc nhan dan', '', 'khac', 1),
	('TTUT', 'Thầy thuốc Ưu tú', 'honor_title', 'state', 'individual', NULL, NULL, 330, 'thay thuoc uu tu', '', 'khac', 1),
	('NSND', 'Nghệ sĩ Nhân dân', 'honor_title', 'state', 'individual', NULL, NULL, 340, 'nghe si nhan dan', '', 'khac', 1),
	('NSUT', 'Nghệ sĩ Ưu tú', 'honor_title', 'state', 'individual', NULL, NULL, 350, 'nghe si uu tu', '', 'khac', 1),
	('NNND', 'Nghệ nhân Nhân dân', 'honor_title', 'state', 'individual', NULL, NULL, 360, 'nghe nhan nhan dan', '', 'khac', 1),
	('NNUT', 'Nghệ nhân Ưu tú', 'honor_title', 'state', 'individual', NULL, NULL, 370, 'nghe nhan uu tu', '', 'khac', 1),
	('GTHCM', 'Giải thưởng Hồ Chí Minh', 'other', 'state', 'collective,individual', NULL, NULL, 380, 'giai thuong ho chi minh', '', 'khac', 1),
	('GTNN', 'Giải thưởng Nhà nước', 'other', 'state', 'collective,individual', NULL, NULL, 390, 'giai thuong nha nuoc', '', 'khac', 1);

-- Prime Minister — Luật TĐKT 2022 Đ.77 (§1.5): Cờ thi đua của Chính phủ,
-- Chiến sĩ thi đua toàn quốc, Bằng khen của Thủ tướng Chính phủ (which may go
-- to households, Luật Đ.71 as restated in §1.4).
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('CTDCP', 'Cờ thi đua của Chính phủ', 'flag', 'government', 'collective', NULL, NULL, 400, 'co thi dua cua chinh phu', 'Cờ thi đua Chính phủ|Cờ CP', 'co_thi_dua', 1),
	('CSTDTQ', 'Chiến sĩ thi đua toàn quốc', 'emulation_title', 'government', 'individual', NULL, NULL, 410, 'chien si thi dua toan quoc', 'CSTĐTQ|CSTĐ toàn quốc', 'chien_si_thi_dua', 1),
	('BKTTG', 'Bằng khen của Thủ tướng Chính phủ', 'certificate', 'government', 'collective,household,individual', NULL, NULL, 420, 'bang khen cua thu tuong chinh phu', 'Bằng khen Thủ tướng Chính phủ|Bằng khen Thủ tướng|Bằng khen TTg|BK TTg|BKTTg|Bằng khen TTCP', 'bang_khen_ttg', 1);

-- Ministers and provincial People's Committee chairs — Luật TĐKT 2022 Đ.78
-- (§1.5, number unverified): Cờ thi đua and Chiến sĩ thi đua of the ministry or
-- province, Tập thể lao động xuất sắc, xã/phường tiêu biểu (Đ.20), Bằng khen of the
-- ministry or province, Kỷ niệm chương.
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('CTDB', 'Cờ thi đua cấp bộ, ban, ngành, đoàn thể trung ương', 'flag', 'ministry_province', 'collective', NULL, NULL, 430, 'co thi dua cap bo, ban, nganh, doan the trung uong', 'Cờ thi đua của Bộ|Cờ thi đua cấp bộ|Cờ thi đua bộ, ngành', 'co_thi_dua', 1),
	('CTDT', 'Cờ thi đua của Ủy ban nhân dân tỉnh', 'flag', 'ministry_province', 'collective', NULL, NULL, 440, 'co thi dua cua uy ban nhan dan tinh', 'Cờ thi đua cấp tỉnh|Cờ thi đua tỉnh|Cờ thi đua UBND tỉnh|Cờ thi đua của UBND thành phố|Cờ thi đua UBND thành phố', 'co_thi_dua', 1),
	('CSTDB', 'Chiến sĩ thi đua cấp bộ, ban, ngành, đoàn thể trung ương', 'emulation_title', 'ministry_province', 'individual', NULL, NULL, 450, 'chien si thi dua cap bo, ban, nganh, doan the trung uong', 'Chiến sĩ thi đua cấp bộ|CSTĐ cấp bộ|CSTĐ bộ, ngành', 'chien_si_thi_dua', 1),
	('CSTDT', 'Chiến sĩ thi đua cấp tỉnh', 'emulation_title', 'ministry_province', 'individual', NULL, NULL, 460, 'chien si thi dua cap tinh', 'Chiến sĩ thi đua tỉnh|CSTĐ tỉnh|CSTĐ cấp tỉnh|Chiến sĩ thi đua cấp thành phố', 'chien_si_thi_dua', 1),
	('BKBO', 'Bằng khen cấp bộ, ban, ngành, đoàn thể trung ương', 'certificate', 'ministry_province', 'collective,household,individual', NULL, NULL, 470, 'bang khen cap bo, ban, nganh, doan the trung uong', 'Bằng khen của Bộ trưởng|Bằng khen Bộ trưởng|Bằng khen cấp bộ|Bằng khen bộ, ngành', 'bang_khen_bo_tinh', 1),
	('BKUBT', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'certificate', 'ministry_province', 'collective,household,individual', NULL, NULL, 480, 'bang khen cua chu tich uy ban nhan dan tinh', 'Bằng khen Chủ tịch UBND tỉnh|Bằng khen của Chủ tịch UBND tỉnh|Bằng khen UBND tỉnh|Bằng khen của UBND tỉnh|Bằng khen cấp tỉnh|Bằng khen tỉnh|Bằng khen Chủ tịch UBND thành phố|Bằng khen của Chủ tịch UBND thành phố|Bằng khen UBND thành phố|BK UBND tỉnh|BK Chủ tịch UBND tỉnh', 'bang_khen_bo_tinh', 1),
	('TTLDXS', 'Tập thể lao động xuất sắc', 'emulation_title', 'ministry_province', 'collective', NULL, NULL, 490, 'tap the lao dong xuat sac', 'TTLĐXS|Đơn vị quyết thắng', 'khac', 1),
	('XPTB', 'Xã, phường, thị trấn tiêu biểu', 'emulation_title', 'ministry_province', 'collective', NULL, NULL, 500, 'xa, phuong, thi tran tieu bieu', 'Xã, phường, đặc khu tiêu biểu|Xã tiêu biểu|Phường tiêu biểu', 'khac', 1),
	('KNC', 'Kỷ niệm chương', 'other', 'ministry_province', 'individual', NULL, NULL, 510, 'ky niem chuong', '', 'khac', 1);

-- Heads of legal-entity units under a ministry or province and heads of
-- provincial departments — Luật TĐKT 2022 Đ.80 khoản 1 (verified): Tập thể lao
-- động tiên tiến, Chiến sĩ thi đua cơ sở, Lao động tiên tiến, giấy khen. The
-- same titles are granted by district chairs (Đ.80.2, until 30/6/2025), by
-- commune chairs (LĐTT always, Đ.80.3; TTLĐTT and CSTĐCS from 1/7/2025, NĐ
-- 129/2025/NĐ-CP Đ.59) and by enterprises (Đ.80.4): see src/core/award_rules.c.
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('CSTDCS', 'Chiến sĩ thi đua cơ sở', 'emulation_title', 'agency', 'individual', NULL, NULL, 520, 'chien si thi dua co so', 'CSTĐCS|CSTĐ cơ sở|Chiến sĩ thi đua cấp cơ sở', 'chien_si_thi_dua', 1),
	('TTLDTT', 'Tập thể lao động tiên tiến', 'emulation_title', 'agency', 'collective', NULL, NULL, 530, 'tap the lao dong tien tien', 'TTLĐTT|Đơn vị tiên tiến', 'khac', 1),
	('LDTT', 'Lao động tiên tiến', 'emulation_title', 'agency', 'individual', NULL, NULL, 540, 'lao dong tien tien', 'LĐTT|Chiến sĩ tiên tiến', 'khac', 1),
	('GK', 'Giấy khen của thủ trưởng cơ quan, đơn vị', 'certificate', 'agency', 'collective,household,individual', NULL, NULL, 550, 'giay khen cua thu truong co quan, don vi', 'Giấy khen|Giấy khen của Thủ trưởng|Giấy khen Thủ trưởng đơn vị|Giấy khen của Giám đốc Sở|Giấy khen Giám đốc Sở', 'giay_khen', 1);

-- Enterprises and cooperatives — Luật TĐKT 2022 Đ.80 khoản 4 (verified).
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('GKDN', 'Giấy khen của Giám đốc doanh nghiệp, hợp tác xã', 'certificate', 'enterprise', 'collective,individual', NULL, NULL, 560, 'giay khen cua giam doc doanh nghiep, hop tac xa', 'Giấy khen của Giám đốc công ty|Giấy khen Giám đốc công ty|Giấy khen của Tổng giám đốc|Giấy khen Tổng giám đốc|Giấy khen của Giám đốc doanh nghiệp|Giấy khen của Chủ tịch Hội đồng quản trị', 'giay_khen', 1);

-- Commune chairs — Luật TĐKT 2022 Đ.80 khoản 3 (verified): Lao động tiên tiến,
-- giấy khen, Gia đình văn hóa (the only household title, Đ.20 khoản 2). From
-- 1/7/2025 also thôn/tổ dân phố văn hóa, TTLĐTT and CSTĐCS, the powers of the
-- abolished district level (NĐ 129/2025/NĐ-CP Đ.59). Thôn, tổ dân phố văn hóa is
-- listed at its current level; before 1/7/2025 the district chair granted it
-- (Đ.80 khoản 2), which award_rules.c keeps with its dates.
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('GKUBX', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'certificate', 'commune', 'collective,household,individual', NULL, NULL, 570, 'giay khen cua chu tich uy ban nhan dan cap xa', 'Giấy khen Chủ tịch UBND xã|Giấy khen của Chủ tịch UBND xã|Giấy khen UBND xã|Giấy khen của UBND xã|Giấy khen Chủ tịch UBND phường|Giấy khen của Chủ tịch UBND phường|Giấy khen UBND phường|Giấy khen Chủ tịch UBND đặc khu|Giấy khen Chủ tịch UBND thị trấn|Giấy khen UBND thị trấn', 'giay_khen', 1),
	('GDVH', 'Gia đình văn hóa', 'emulation_title', 'commune', 'household', NULL, NULL, 580, 'gia dinh van hoa', 'Gia đình văn hóa tiêu biểu|GĐVH', 'khac', 1),
	('TDPVH', 'Thôn, tổ dân phố văn hóa', 'emulation_title', 'commune', 'collective', NULL, NULL, 590, 'thon, to dan pho van hoa', 'Thôn văn hóa|Tổ dân phố văn hóa|Thôn, làng văn hóa|Khu dân cư văn hóa|Bản văn hóa', 'khac', 1);

-- District chairs — Luật TĐKT 2022 Đ.80 khoản 2 (verified), until the district
-- level ended on 30/6/2025 (NĐ 129/2025/NĐ-CP Đ.59; law-and-formats.md §0.3):
-- records and decisions dated up to then stay valid.
INSERT INTO award_forms (code, name, kind, authority_level, recipient_types, valid_from,
	valid_to, position, search_key, aliases, report_row, builtin) VALUES
	('GKUBH', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện', 'certificate', 'district', 'collective,household,individual', NULL, '2025-06-30', 600, 'giay khen cua chu tich uy ban nhan dan cap huyen', 'Giấy khen Chủ tịch UBND huyện|Giấy khen của Chủ tịch UBND huyện|Giấy khen UBND huyện|Giấy khen của UBND huyện|Giấy khen Chủ tịch UBND thị xã|Giấy khen UBND thị xã|Giấy khen Chủ tịch UBND thành phố thuộc tỉnh', 'giay_khen', 1);

-- Decisions (quyết định khen thưởng): one signed act of one issuing unit,
-- granting one form to a list of recipients. A number is unique per issuer
-- and date, which also stops the same list from being imported twice.
CREATE TABLE decisions (
	id {{ID}},
	number TEXT NOT NULL,
	date TEXT NOT NULL,
	signer TEXT NOT NULL DEFAULT '',
	signer_title TEXT NOT NULL DEFAULT '',
	unit_id BIGINT NOT NULL REFERENCES units(id),
	form_code TEXT NOT NULL REFERENCES award_forms(code),
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL,
	search_key TEXT NOT NULL,
	UNIQUE (unit_id, number, date)
);
CREATE INDEX decisions_date ON decisions(date, id);

-- Awards: one recipient of one decision. unit_id is the recipient's unit when
-- it is in the tree (NULL for people and bodies outside it; unit_name keeps
-- the text either way). form_code and issuer_unit_id repeat the decision's so
-- that statistics need no join; scope_unit_id is the unit an award counts
-- under (the recipient's unit, else the issuing unit).
CREATE TABLE awards (
	id {{ID}},
	decision_id BIGINT NOT NULL REFERENCES decisions(id),
	form_code TEXT NOT NULL REFERENCES award_forms(code),
	recipient_type TEXT NOT NULL CHECK (recipient_type IN ('collective', 'household', 'individual')),
	name TEXT NOT NULL,
	position TEXT NOT NULL DEFAULT '',
	unit_id BIGINT REFERENCES units(id),
	unit_name TEXT NOT NULL DEFAULT '',
	issuer_unit_id BIGINT NOT NULL REFERENCES units(id),
	scope_unit_id BIGINT NOT NULL REFERENCES units(id),
	movement_id BIGINT REFERENCES movements(id),
	year INTEGER NOT NULL,
	achievement TEXT NOT NULL DEFAULT '',
	search_key TEXT NOT NULL,
	created_at BIGINT NOT NULL
);
CREATE INDEX awards_decision ON awards(decision_id);
-- Covers the statistics of the awards counted directly under one unit.
CREATE INDEX awards_scope ON awards(scope_unit_id, year, form_code, recipient_type, movement_id);

-- Award counts per unit subtree: for every award and every *proper* ancestor
-- of its scope unit, one count in (ancestor, form, recipient type, year,
-- movement). A subtree's statistics are this table's rows for the subtree's
-- root plus the awards counted directly under the root, so a question about
-- the whole country reads tens of thousands of rows, not millions. Kept exact
-- in the transaction of every change (src/core/award_counts.c); derived data,
-- hence no foreign keys. movement_id 0 stands for "no movement" so that the
-- key can be unique on both engines.
CREATE TABLE award_counts (
	ancestor_id BIGINT NOT NULL,
	form_code TEXT NOT NULL,
	recipient_type TEXT NOT NULL,
	year INTEGER NOT NULL,
	movement_id BIGINT NOT NULL DEFAULT 0,
	n BIGINT NOT NULL,
	PRIMARY KEY (ancestor_id, form_code, recipient_type, year, movement_id)
);

-- Nominations (đề nghị khen thưởng): a unit asks for a form for a list of
-- recipients; appraised (thẩm định), then decided.
CREATE TABLE nominations (
	id {{ID}},
	unit_id BIGINT NOT NULL REFERENCES units(id),
	form_code TEXT NOT NULL REFERENCES award_forms(code),
	year INTEGER NOT NULL,
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned',
		'approved', 'decided')),
	note TEXT NOT NULL DEFAULT '',
	decision_id BIGINT REFERENCES decisions(id),
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL
);
CREATE INDEX nominations_unit ON nominations(unit_id, year);

CREATE TABLE nomination_recipients (
	id {{ID}},
	nomination_id BIGINT NOT NULL REFERENCES nominations(id),
	recipient_type TEXT NOT NULL CHECK (recipient_type IN ('collective', 'household', 'individual')),
	name TEXT NOT NULL,
	position TEXT NOT NULL DEFAULT '',
	unit_id BIGINT REFERENCES units(id),
	achievement TEXT NOT NULL DEFAULT '',
	search_key TEXT NOT NULL
);
CREATE INDEX nomination_recipients_nomination ON nomination_recipients(nomination_id);

-- Exemplary models (điển hình tiên tiến, mô hình hay), as seed 001 II.4.c
-- asks for them: contact details, jobs created, households helped, members.
CREATE TABLE models (
	id {{ID}},
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual', 'household', 'model')),
	unit_id BIGINT NOT NULL REFERENCES units(id),
	address TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	movement_id BIGINT REFERENCES movements(id),
	founded TEXT,
	jobs_created INTEGER,
	households_helped INTEGER,
	members INTEGER,
	summary TEXT NOT NULL DEFAULT '',
	content TEXT NOT NULL DEFAULT '',
	measures TEXT NOT NULL DEFAULT '',
	results TEXT NOT NULL DEFAULT '',
	search_key TEXT NOT NULL,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE INDEX models_unit ON models(unit_id);

CREATE TABLE model_photos (
	id {{ID}},
	model_id BIGINT NOT NULL REFERENCES models(id),
	mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	size BIGINT NOT NULL,
	sha256 TEXT NOT NULL,
	data {{BLOB}} NOT NULL,
	thumb {{BLOB}},
	created_at BIGINT NOT NULL
);
CREATE INDEX model_photos_model ON model_photos(model_id);
