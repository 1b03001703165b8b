/*
 * bench_table.c — how fast table_read takes in an award list of 50,000
 * rows × 10 columns, as XLSX (written by libxlsxwriter, shared strings,
 * dates with a date format) and as the same data in CSV.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/table.h"
#include "util/util.h"

#define NROWS 50000
#define NCOLS 10
#define RUNS 3

static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
				     "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
static const char *const middle[] = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Thanh"};
static const char *const given[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hương",
				    "Khánh", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo",
				    "Trang", "Tuấn", "Việt", "Yến"};
static const char *const unit[] = {"UBND xã Đắk Mil", "Sở Nội vụ", "Trường THCS Lê Lợi",
				   "Hội Liên hiệp Phụ nữ tỉnh", "Công an phường Hải Châu",
				   "Ban Thi đua - Khen thưởng"};
static const char *const award[] = {"Bằng khen Chủ tịch UBND tỉnh", "Giấy khen", "Chiến sĩ thi đua cơ sở",
				    "Lao động tiên tiến", "Tập thể lao động xuất sắc"};
static const char *const header[NCOLS] = {"STT", "Họ và tên", "Giới tính", "Ngày sinh",
					 "Đơn vị", "Hình thức khen thưởng", "Năm", "Số quyết định",
					 "Điểm", "Ghi chú"};

#define PICK(a, i) a[(size_t)(i) % (sizeof a / sizeof a[0])]

typedef struct person {
	char name[96], decision[32], note[64];
	int year, month, day;
	double score;
} person;

static void person_of(int i, person *p)
{
	snprintf(p->name, sizeof p->name, "%s %s %s", PICK(family, i * 7), PICK(middle, i * 3),
		 PICK(given, i * 11));
	snprintf(p->decision, sizeof p->decision, "%d/QĐ-UBND", 100 + i % 9000);
	snprintf(p->note, sizeof p->note, i % 4 ? "" : "Thành tích xuất sắc, đột xuất");
	p->year = 1960 + i % 40;
	p->month = 1 + i % 12;
	p->day = 1 + i % 28;
	p->score = 5 + (i % 50) / 10.0;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int write_xlsx(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	for (int c = 0; c < NCOLS; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
	for (int i = 0; i < NROWS; i++) {
		person p;
		person_of(i, &p);
		lxw_row_t r = (lxw_row_t)i + 1;
		lxw_datetime born = {p.year, p.month, p.day, 0, 0, 0};
		worksheet_write_number(ws, r, 0, i + 1, NULL);
		worksheet_write_string(ws, r, 1, p.name, NULL);
		worksheet_write_string(ws, r, 2, i % 2 ? "Nữ" : "Nam", NULL);
		worksheet_write_datetime(ws, r, 3, &born, date);
		worksheet_write_string(ws, r, 4, PICK(unit, i), NULL);
		worksheet_write_string(ws, r, 5, PICK(award, i * 5), NULL);
		worksheet_write_number(ws, r, 6, 2024, NULL);
		worksheet_write_string(ws, r, 7, p.decision, NULL);
		worksheet_write_number(ws, r, 8, p.score, NULL);
		if (p.note[0])
			worksheet_write_string(ws, r, 9, p.note, NULL);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* Semicolons, as Vietnamese Excel exports; the note needs quoting. */
static void write_csv(buf *out)
{
	buf_puts(out, "\xEF\xBB\xBF");
	for (int c = 0; c < NCOLS; c++)
		buf_printf(out, "%s%s", c ? ";" : "", header[c]);
	buf_puts(out, "\r\n");
	for (int i = 0; i < NROWS; i++) {
		person p;
		person_of(i, &p);
		buf_printf(out, "%d;%s;%s;%04d-%02d-%02d;%s;%s;2024;%s;%g;\"%s\"\r\n", i + 1, p.name,
			   i % 2 ? "Nữ" : "Nam", p.year, p.month, p.day, PICK(unit, i),
			   PICK(award, i * 5), p.decision, p.score, p.note);
	}
}

static int bench(const char *label, const buf *data)
{
	double best = 1e18, total = 0;
	for (int run = 0; run < RUNS; run++) {
		table t;
		err e = {0};
		double t0 = now_ms();
		int rc = table_read(data->p, data->len, NULL, &t, &e);
		double dt = now_ms() - t0;
		if (rc != 0) {
			fprintf(stderr, "%s: %s\n", label, e.msg);
			return 1;
		}
		if (t.n_rows != NROWS + 1 || t.n_cols != NCOLS || strcmp(t.cells[1][3], "1960-01-01") != 0) {
			fprintf(stderr, "%s: unexpected table %zu×%zu, D2=%s\n", label, t.n_rows,
				t.n_cols, t.cells[1][3]);
			table_free(&t);
			return 1;
		}
		table_free(&t);
		total += dt;
		best = dt < best ? dt : best;
	}
	printf("%-5s %6.1f MB  %7.1f ms/read (best %.1f)  %9.0f rows/s\n", label,
	       data->len / 1048576.0, total / RUNS, best, NROWS / (total / RUNS / 1e3));
	return 0;
}

int main(void)
{
	char path[] = "/tmp/thidua-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 1;
	close(fd);
	buf xlsx = BUF_INIT, csv = BUF_INIT;
	err e = {0};
	int rc = 1;
	if (write_xlsx(path) != 0 || read_file(path, 256u << 20, &xlsx, &e) != 0) {
		fprintf(stderr, "bench_table: cannot write the workbook %s\n", e.msg);
		goto out;
	}
	write_csv(&csv);
	printf("table_read, %d rows × %d columns, %d runs\n", NROWS, NCOLS, RUNS);
	rc = bench("xlsx", &xlsx) || bench("csv", &csv);
out:
	unlink(path);
	buf_free(&xlsx);
	buf_free(&csv);
	return rc;
}
