-- 002 — report outlines (đề cương): stored, versioned, editable; figure tables.
-- Portable SQL; {{ID}} is filled in per engine by db_migrate().
-- Times are BIGINT Unix seconds (UTC); booleans INTEGER 0/1.

-- One outline as an office uses it: the parsed (then edited) item tree plus
-- the text it was read from, shown beside the tree. `version` grows by one
-- on every save; outline_versions keeps what each version looked like.
CREATE TABLE outlines (
	id {{ID}},
	owner_unit_id BIGINT NOT NULL REFERENCES units(id),
	title TEXT NOT NULL,
	source_text TEXT NOT NULL DEFAULT '',
	source_kind TEXT NOT NULL CHECK (source_kind IN ('text', 'docx')),
	-- a copy keeps its source's text and kind, and remembers where it came
	-- from (NULL for an import)
	copied_from BIGINT REFERENCES outlines(id),
	copied_version INTEGER,
	version INTEGER NOT NULL DEFAULT 1,
	created_by BIGINT, -- like audit.user_id: NULL for the command line
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	search_key TEXT NOT NULL
);
CREATE INDEX outlines_owner ON outlines(owner_unit_id, updated_at);

-- A grid of numbers an item asks for (biểu số liệu). Built-in tables have
-- a stable `code` and no outline; custom ones belong to one outline.
-- Reports store cells by row and column *key*, so keys never change meaning.
CREATE TABLE figure_tables (
	id {{ID}},
	outline_id BIGINT REFERENCES outlines(id),
	code TEXT UNIQUE,
	name TEXT NOT NULL,
	measure TEXT NOT NULL DEFAULT '',
	value_kind TEXT NOT NULL DEFAULT 'integer' CHECK (value_kind IN ('integer', 'decimal'))
);
CREATE INDEX figure_tables_outline ON figure_tables(outline_id);

CREATE TABLE figure_rows (
	table_id BIGINT NOT NULL REFERENCES figure_tables(id),
	key TEXT NOT NULL,
	label TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (table_id, key)
);

CREATE TABLE figure_cols (
	table_id BIGINT NOT NULL REFERENCES figure_tables(id),
	key TEXT NOT NULL,
	label TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (table_id, key)
);

-- Items in document order (`position` 0..n-1 within the outline). `depth`
-- is 1 at the top; `parent_id` is the nearest earlier item one level up.
-- `asks` is a bit set: 1 narrative, 2 figures, 4 exemplary models.
-- `repeat_of` points at the item whose structure this one repeats ("báo
-- cáo tương tự mục III.1"); the copied children are stored as real items.
-- Positions are not UNIQUE: a save renumbers items in place.
CREATE TABLE outline_items (
	id {{ID}},
	outline_id BIGINT NOT NULL REFERENCES outlines(id),
	parent_id BIGINT REFERENCES outline_items(id),
	position INTEGER NOT NULL,
	depth INTEGER NOT NULL CHECK (depth >= 1),
	label TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	guidance TEXT NOT NULL DEFAULT '',
	asks INTEGER NOT NULL DEFAULT 0,
	table_id BIGINT REFERENCES figure_tables(id),
	repeat_of BIGINT REFERENCES outline_items(id)
);
CREATE INDEX outline_items_outline ON outline_items(outline_id, position);
CREATE INDEX outline_items_parent ON outline_items(parent_id);
CREATE INDEX outline_items_table ON outline_items(table_id);

-- What each version looked like (the JSON of GET /outlines/{id} plus the
-- definitions of the tables it uses), so a campaign can keep the version
-- it was issued with while the outline is edited on.
CREATE TABLE outline_versions (
	outline_id BIGINT NOT NULL REFERENCES outlines(id),
	version INTEGER NOT NULL,
	snapshot TEXT NOT NULL,
	saved_by BIGINT,
	saved_at BIGINT NOT NULL,
	PRIMARY KEY (outline_id, version)
);

-- The built-in commendation table: award forms × recipient types, counts.
-- Row keys are stable: reports store cells by key, and the award-forms
-- catalogue maps its forms onto these rows.
INSERT INTO figure_tables (outline_id, code, name, measure, value_kind)
VALUES (NULL, 'commendation', 'Kết quả khen thưởng', 'Số lượng', 'integer');

INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'huan_chuong', 'Huân chương', 1 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'bang_khen_ttg', 'Bằng khen của Thủ tướng Chính phủ', 2 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'bang_khen_bo_tinh', 'Bằng khen cấp bộ, ngành, tỉnh', 3 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'giay_khen', 'Giấy khen', 4 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'co_thi_dua', 'Cờ thi đua', 5 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'chien_si_thi_dua', 'Chiến sĩ thi đua', 6 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_rows (table_id, key, label, position)
SELECT id, 'khac', 'Hình thức khác', 7 FROM figure_tables WHERE code = 'commendation';

INSERT INTO figure_cols (table_id, key, label, position)
SELECT id, 'collective', 'Tập thể', 1 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_cols (table_id, key, label, position)
SELECT id, 'household', 'Hộ gia đình', 2 FROM figure_tables WHERE code = 'commendation';
INSERT INTO figure_cols (table_id, key, label, position)
SELECT id, 'individual', 'Cá nhân', 3 FROM figure_tables WHERE code = 'commendation';
