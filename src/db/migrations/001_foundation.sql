-- 001 — units, users, sessions, audit, movements.
-- Portable SQL; {{ID}} and {{BLOB}} are filled in per engine by db_migrate().
-- Times are BIGINT Unix seconds (UTC); dates TEXT 'YYYY-MM-DD'; booleans INTEGER 0/1.

CREATE TABLE unit_kinds (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0
);

INSERT INTO unit_kinds (code, name, position) VALUES
	('central', 'Cơ quan Trung ương', 1),
	('province', 'Tỉnh, thành phố', 2),
	('district', 'Huyện, thị xã, thành phố thuộc tỉnh (trước 01/7/2025)', 3),
	('commune', 'Xã', 4),
	('ward', 'Phường', 5),
	('special_zone', 'Đặc khu', 6),
	('department', 'Sở, ban, ngành', 7),
	('party', 'Cơ quan Đảng', 8),
	('front', 'Mặt trận Tổ quốc, hội, đoàn thể', 9),
	('central_branch', 'Cơ quan Trung ương trên địa bàn', 10),
	('enterprise', 'Doanh nghiệp', 11),
	('school', 'Trường học', 12),
	('hamlet', 'Thôn, tổ dân phố', 13),
	('office', 'Phòng, ban chuyên môn', 14),
	('other', 'Khác', 99);

CREATE TABLE units (
	id {{ID}},
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL REFERENCES unit_kinds(code),
	parent_id BIGINT REFERENCES units(id),
	active INTEGER NOT NULL DEFAULT 1,
	valid_from TEXT,
	valid_to TEXT,
	position INTEGER NOT NULL DEFAULT 0,
	search_key TEXT NOT NULL,
	created_at BIGINT NOT NULL
);
CREATE INDEX units_parent ON units(parent_id, position);
CREATE INDEX units_search ON units(search_key);

-- Closure table: one row per (unit, ancestor) including (unit, unit) at depth 0.
CREATE TABLE unit_ancestors (
	unit_id BIGINT NOT NULL REFERENCES units(id),
	ancestor_id BIGINT NOT NULL REFERENCES units(id),
	depth INTEGER NOT NULL,
	PRIMARY KEY (unit_id, ancestor_id)
);
CREATE INDEX unit_ancestors_anc ON unit_ancestors(ancestor_id, depth);

-- Emulation clusters (cụm) and blocks (khối): peer groups of units.
CREATE TABLE unit_groups (
	id {{ID}},
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('cluster', 'block')),
	year INTEGER,
	owner_unit_id BIGINT NOT NULL REFERENCES units(id),
	search_key TEXT NOT NULL,
	created_at BIGINT NOT NULL
);

CREATE TABLE unit_group_members (
	group_id BIGINT NOT NULL REFERENCES unit_groups(id),
	unit_id BIGINT NOT NULL REFERENCES units(id),
	PRIMARY KEY (group_id, unit_id)
);

CREATE TABLE users (
	id {{ID}},
	login TEXT NOT NULL UNIQUE,
	password_hash TEXT NOT NULL,
	full_name TEXT NOT NULL DEFAULT '',
	unit_id BIGINT NOT NULL REFERENCES units(id),
	role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'staff', 'leader')),
	active INTEGER NOT NULL DEFAULT 1,
	created_at BIGINT NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

-- Tokens are stored hashed; the browser cookie and the API bearer token are
-- the same kind of session, told apart by `kind`.
CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users(id),
	kind TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
	csrf TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins, for throttling across every server process.
CREATE TABLE login_failures (
	subject TEXT NOT NULL,
	at BIGINT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures(subject, at);

CREATE TABLE audit (
	id {{ID}},
	at BIGINT NOT NULL,
	user_id BIGINT,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id BIGINT,
	before_json TEXT,
	after_json TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);

CREATE TABLE movements (
	id {{ID}},
	title TEXT NOT NULL,
	unit_id BIGINT NOT NULL REFERENCES units(id),
	start_year INTEGER NOT NULL,
	end_year INTEGER NOT NULL,
	parent_id BIGINT REFERENCES movements(id),
	kind TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'thematic', 'campaign')),
	description TEXT NOT NULL DEFAULT '',
	search_key TEXT NOT NULL,
	created_at BIGINT NOT NULL
);
CREATE INDEX movements_unit ON movements(unit_id);
