/*
 * main: the command line.  Parses options, finds the default template
 * and assets (beside the executable when run from the source tree, else
 * under DATADIR), runs a render and maps the result to an exit status.
 * Holds no logic that other modules need.
 */
#include <errno.h>
#include <stdbool.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "batch.h"
#include "buf.h"
#include "config.h"
#include "convert.h"
#include "diag.h"
#include "draw.h"
#include "mail.h"
#include "period.h"
#include "report.h"
#include "tcopy.h"
#include "tell.h"
#include "tmpl.h"
#include "util.h"

enum exitcode {
	EXIT_OK = 0,		/* done, warnings allowed */
	EXIT_INPUT = 1,		/* the input or template is wrong */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_OUTPUT = 3		/* the output could not be written */
};

static void
usage(FILE *fp)
{
	fputs("usage: scorecard render FILE... -o DIR [--template FILE] "
	    "[--no-pdf]\n"
	    "                        [--archive ARCHIVE] [--mail-attach-pdf]\n"
	    "                        [--mail-from A] [--mail-to A] [--mail-subject S]\n"
	    "                        [--mail-date D] [-j N] [SHEET OPTIONS]\n"
	    "       scorecard archive FILE --into ARCHIVE [--replace] "
	    "[SHEET OPTIONS]\n"
	    "       scorecard convert FILE [--to json|xlsx] [-o OUT] "
	    "[SHEET OPTIONS]\n"
	    "       scorecard layout FILE\n"
	    "       scorecard template -o FILE.xhtml\n"
	    "       scorecard --help | --version\n"
	    "SHEET OPTIONS: [--title T] [--organisation O] [--period P]\n",
	    fp);
}

static void
help(void)
{
	usage(stdout);
	fputs("\n"
	    "Turns children's-services indicators (JSON, an Excel workbook "
	    "or CSV)\ninto a highlight report.  FILE's kind is found by its "
	    "content.\n\n"
	    "  render FILE.json   write DIR/report.html, DIR/report.pdf,\n"
	    "                     DIR/summary.json, DIR/report.eml and\n"
	    "                     DIR/charts/<id>.{png,svg,pdf};\n"
	    "                     with several inputs, DIR/<name>/ for each,\n"
	    "                     rendered in parallel (-j N workers), all\n"
	    "                     checked before any is written\n"
	    "  archive FILE.json  add a snapshot ARCHIVE/<period>/ (never\n"
	    "                     overwritten; --replace keeps the old one as\n"
	    "                     <period>.replaced-N) and rewrite\n"
	    "                     ARCHIVE/index.html\n"
	    "  convert FILE       print FILE's JSON equivalent (normalised JSON);\n"
	    "                     --to xlsx -o OUT.xlsx writes a workbook\n"
	    "  layout FILE.json   print the layout of every chart (for tests)\n"
	    "  template -o FILE   write a copy of the default template to FILE\n"
	    "                     and its stylesheet beside it, to edit\n"
	    "  FILE: - reads standard input (one input only)\n\n"
	    "  -o, --output DIR   the output folder (replaced only if it holds\n"
	    "                     a previous render or is empty)\n"
	    "  -t, --template F   an XHTML template of your own\n"
	    "  -j, --jobs N       workers for several inputs (default: one a CPU)\n"
	    "      --no-pdf       write no PDF: neither report.pdf nor\n"
	    "                     charts/<id>.pdf\n"
	    "      --archive A    compare with the last report archived in A\n"
	    "                     (its latest snapshot before this period)\n"
	    "      --mail-from A, --mail-to A, --mail-subject S, --mail-date D\n"
	    "                     headers of report.eml (D: YYYY-MM-DD or\n"
	    "                     YYYY-MM-DDTHH:MM:SSZ)\n"
	    "      --mail-attach-pdf  attach report.pdf to report.eml\n"
	    "      --title T, --organisation O, --period P\n"
	    "                     report fields for a CSV file (which has "
	    "none);\n"
	    "                     for a workbook, they override its Report "
	    "sheet\n"
	    "  -h, --help         show this help\n"
	    "  -V, --version      show the version\n\n"
	    "Exit status: 0 done, 1 bad input or template, 2 bad command "
	    "line,\n3 output not written.  See scorecard(1).\n", stdout);
}

/* The folder holding templates/ and assets/: the source tree or DATADIR. */
static char *
datadir(void)
{
	char	 exe[PATH_MAX], *slash;
	ssize_t	 n;
	struct buf b;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			buf_init(&b);
			buf_printf(&b, "%s/templates/report.xhtml", exe);
			if (access(b.data, R_OK) == 0) {
				buf_release(&b);
				return xstrdup(exe);
			}
			buf_release(&b);
		}
	}
	return xstrdup(DATADIR);
}

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC) into seconds. */
static bool
parse_date(const char *s, long long *out)
{
	struct period	 p;
	char		 day[11];
	int		 hh = 0, mm = 0, ss = 0, n = 0;

	if (strlen(s) < 10)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!period_parse(day, &p) || p.kind != PERIOD_DAY)
		return false;
	if (s[10] != '\0' && (sscanf(s + 10, "T%2d:%2d:%2dZ%n", &hh, &mm,
	    &ss, &n) != 3 || s[10 + n] != '\0' || hh > 23 || mm > 59 ||
	    ss > 60 || hh < 0 || mm < 0 || ss < 0))
		return false;
	*out = (long long)period_start(&p) * 86400 + hh * 3600 + mm * 60 + ss;
	return true;
}

/* On a terminal, after a run that succeeded: where its output went. */
static void
tell_done(const char *cmd, int ninputs, const char *outdir,
    const char *into)
{
	char	*what;

	if (strcmp(cmd, "archive") == 0) {
		fprintf(stderr, "scorecard: archived into %s/ (index.html "
		    "lists every snapshot)\n", into);
		return;
	}
	if (ninputs > 1 || (what = tell_contents(outdir)) == NULL)
		return;		/* batch says it itself */
	fprintf(stderr, "scorecard: wrote %s/: %s\n", outdir, what);
	free(what);
}

/* scorecard template -o FILE: a copy of the default template to edit. */
static int
template_cmd(int argc, const char *path, struct diag *d)
{
	struct buf	 tpl, css;
	char		*dd, *cpath = NULL;
	int		 rc;

	if (argc != 0 || path == NULL || *path == '\0') {
		fputs(argc != 0 ? "scorecard: template: no input is read; "
		    "give the copy's name with -o FILE.xhtml\n" :
		    "scorecard: template: no file given (-o FILE.xhtml)\n",
		    stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	dd = datadir();
	buf_init(&tpl);
	buf_init(&css);
	buf_printf(&tpl, "%s/templates/report.xhtml", dd);
	buf_printf(&css, "%s/assets/report.css", dd);
	switch (tcopy_write(tpl.data, css.data, path, &cpath, d)) {
	case REPORT_OK:
		rc = EXIT_OK;
		if (tell_tty(stderr))
			fprintf(stderr, "scorecard: wrote %s and %s beside it; "
			    "edit them, then: scorecard render FILE.json -o "
			    "DIR --template %s\n", path, cpath, path);
		break;
	case REPORT_INPUT:
		rc = EXIT_INPUT;
		break;
	default:
		rc = EXIT_OUTPUT;
		break;
	}
	free(cpath);
	buf_release(&tpl);
	buf_release(&css);
	free(dd);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "no-pdf", no_argument, NULL, 'P' },
		{ "mail-attach-pdf", no_argument, NULL, 5 },
		{ "into", required_argument, NULL, 'I' },
		{ "archive", required_argument, NULL, 'A' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "replace", no_argument, NULL, 'R' },
		{ "mail-from", required_argument, NULL, 'F' },
		{ "mail-to", required_argument, NULL, 'T' },
		{ "mail-subject", required_argument, NULL, 'S' },
		{ "mail-date", required_argument, NULL, 'D' },
		{ "title", required_argument, NULL, 1 },
		{ "organisation", required_argument, NULL, 2 },
		{ "period", required_argument, NULL, 3 },
		{ "to", required_argument, NULL, 4 },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts o;
	struct diag	 d;
	struct buf	 tpl, etpl, atpl, assets, out;
	const char	*into = NULL, *to = NULL;
	int		 jobs = 0;
	bool		 replace = false;
	const char	*cmd, *why;
	char		*dd;
	int		 ch, rc = EXIT_OK;

	setlocale(LC_CTYPE, "");
	/* getopt's own messages then name us, not our path. */
	argv[0] = (char *)"scorecard";
	memset(&o, 0, sizeof(o));
	o.pdf = true;
	diag_init(&d, stderr, "scorecard");
	while ((ch = getopt_long(argc, argv, "+o:t:hV", longopts, NULL)) != -1)
		switch (ch) {
		case 'h':
			help();
			return EXIT_OK;
		case 'V':
			puts("scorecard " VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[0];
	argv[0] = (char *)(strcmp(cmd, "layout") == 0 ? "scorecard layout" :
	    strcmp(cmd, "archive") == 0 ? "scorecard archive" :
	    strcmp(cmd, "convert") == 0 ? "scorecard convert" :
	    strcmp(cmd, "template") == 0 ? "scorecard template" :
	    "scorecard render");
	optind = 0;	/* GNU: reinitialise, so the second scan permutes */
	while ((ch = getopt_long(argc, argv, "o:t:j:hV", longopts, NULL)) != -1)
		switch (ch) {
		case 'o':
			o.outdir = optarg;
			break;
		case 't':
			o.template = optarg;
			break;
		case 'P':
			o.pdf = false;
			break;
		case 5:
			o.mail.attach_pdf = true;
			break;
		case 'I':
			into = optarg;
			break;
		case 'A':
			if (*optarg == '\0') {
				fputs("scorecard: --archive: expected a "
				    "folder\n", stderr);
				return EXIT_USAGE;
			}
			o.history = optarg;
			break;
		case 'j':
			jobs = atoi(optarg);
			if (jobs < 1 || jobs > 256) {
				fprintf(stderr, "scorecard: --jobs: expected "
				    "1 to 256, not %s\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'R':
			replace = true;
			break;
		case 1:
			o.sheet.title = optarg;
			break;
		case 2:
			o.sheet.organisation = optarg;
			break;
		case 3:
			o.sheet.period = optarg;
			break;
		case 4:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "xlsx") != 0) {
				fprintf(stderr, "scorecard: --to: expected "
				    "json or xlsx, not %s\n", optarg);
				return EXIT_USAGE;
			}
			to = optarg;
			break;
		case 'F':
		case 'T':
		case 'S':
			if ((why = mail_check_address(optarg)) != NULL) {
				fprintf(stderr, "scorecard: --mail-%s %s\n",
				    ch == 'F' ? "from" : ch == 'T' ? "to" :
				    "subject", why);
				return EXIT_USAGE;
			}
			if (ch == 'F')
				o.mail.from = optarg;
			else if (ch == 'T')
				o.mail.to = optarg;
			else
				o.mail.subject = optarg;
			break;
		case 'D':
			if (!parse_date(optarg, &o.mail.date)) {
				fprintf(stderr, "scorecard: --mail-date: "
				    "expected YYYY-MM-DD or "
				    "YYYY-MM-DDTHH:MM:SSZ, not %s\n", optarg);
				return EXIT_USAGE;
			}
			o.mail.has_date = true;
			break;
		case 'h':
			help();
			return EXIT_OK;
		case 'V':
			puts("scorecard " VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	argc -= optind;
	argv += optind;

	if (strcmp(cmd, "convert") == 0) {
		if (argc != 1) {
			fputs("scorecard: convert: one input file at a time\n",
			    stderr);
			usage(stderr);
			return EXIT_USAGE;
		}
		o.input = argv[0];
		if (to != NULL && strcmp(to, "xlsx") == 0) {
			if (o.outdir == NULL || *o.outdir == '\0') {
				fputs("scorecard: convert: --to xlsx needs "
				    "-o FILE.xlsx\n", stderr);
				usage(stderr);
				return EXIT_USAGE;
			}
			switch (convert_xlsx(&o, o.outdir, &d)) {
			case REPORT_OK:
				return EXIT_OK;
			case REPORT_INPUT:
				return EXIT_INPUT;
			case REPORT_OUTPUT:
				return EXIT_OUTPUT;
			}
		}
		if (o.outdir != NULL) {
			fputs("scorecard: convert: -o is for --to xlsx; the "
			    "JSON goes to standard output\n", stderr);
			return EXIT_USAGE;
		}
		buf_init(&out);
		if (convert_json(&o, &out, &d) != REPORT_OK)
			rc = EXIT_INPUT;
		else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0)
			rc = EXIT_OUTPUT;
		buf_release(&out);
		tmpl_cleanup();
		return rc;
	}
	if (strcmp(cmd, "layout") == 0) {
		if (argc != 1) {
			usage(stderr);
			return EXIT_USAGE;
		}
		o.input = argv[0];
		buf_init(&out);
		if (report_layout(&o, &out, &d) != REPORT_OK)
			rc = EXIT_INPUT;
		else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0)
			rc = EXIT_OUTPUT;
		buf_release(&out);
		return rc;
	}
	if (strcmp(cmd, "template") == 0)
		return template_cmd(argc, o.outdir, &d);
	if (strcmp(cmd, "archive") == 0) {
		if (argc != 1 || into == NULL || *into == '\0') {
			fputs(argc != 1 ? "scorecard: archive: one input file "
			    "at a time\n" : "scorecard: archive: no archive "
			    "folder given (--into DIR)\n", stderr);
			usage(stderr);
			return EXIT_USAGE;
		}
		o.input = argv[0];
	} else if (strcmp(cmd, "render") != 0) {
		fprintf(stderr, "scorecard: unknown command: %s\n", cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "render") == 0 &&
	    (argc < 1 || o.outdir == NULL || *o.outdir == '\0')) {
		if (argc == 0)
			fputs("scorecard: render: no input file given\n",
			    stderr);
		else
			fputs("scorecard: render: no output folder given "
			    "(-o DIR)\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	o.input = argv[0];
	dd = datadir();
	buf_init(&tpl);
	buf_init(&assets);
	buf_printf(&tpl, "%s/templates/report.xhtml", dd);
	buf_printf(&assets, "%s/assets", dd);
	buf_init(&etpl);
	buf_printf(&etpl, "%s/templates/email.xhtml", dd);
	o.mail.template = etpl.data;
	if (o.template == NULL)
		o.template = tpl.data;
	o.assets = assets.data;
	buf_init(&atpl);
	buf_printf(&atpl, "%s/templates/archive.xhtml", dd);
	switch (strcmp(cmd, "archive") == 0 ?
	    archive_snapshot(&o, into, atpl.data, replace, &d) :
	    argc > 1 ? batch_render(&o, argv, (size_t)argc, o.outdir, jobs,
	    &d) : report_render(&o, &d)) {
	case REPORT_OK:
		rc = EXIT_OK;
		if (tell_tty(stderr))
			tell_done(cmd, argc, o.outdir, into);
		break;
	case REPORT_INPUT:
		rc = EXIT_INPUT;
		break;
	case REPORT_OUTPUT:
		rc = EXIT_OUTPUT;
		break;
	}
	buf_release(&tpl);
	buf_release(&etpl);
	buf_release(&atpl);
	buf_release(&assets);
	free(dd);
	tmpl_cleanup();
	draw_cleanup();
	return rc;
}
