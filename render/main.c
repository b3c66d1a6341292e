/*
 * main: the command line.  One option parser (options(): getopt_long
 * over one table of options; before the command only -h and -V, after
 * it every option) and a function a command (render, archive, convert,
 * layout, template; the table commands[]), each checking its own
 * operands and options.  Finds the default template and assets (beside
 * the executable when run from the source tree, else under DATADIR),
 * runs the command and maps the result to an exit status.  Holds no
 * logic that other modules need.
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
#include "eml.h"
#include "memlimit.h"
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

/* Everything the command line gives, whichever command it is for. */
struct args {
	struct report_opts o;
	const char	*into;		/* archive --into */
	const char	*to;		/* convert --to */
	int		 jobs;		/* render -j (0: one a CPU) */
	bool		 replace;	/* archive --replace */
};

static void	usage(FILE *);

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
	    "      --mail-no-charts   leave the charts' images out of "
	    "report.eml\n"
	    "      --mail-link URL    where report.html will be published: "
	    "report.eml\n"
	    "                     links to it (and to each chart left out)\n"
	    "      --mail-limit MB    warn of a report.eml above MB "
	    "(default 10)\n"
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
template_cmd(struct args *a, int argc, char *argv[], struct diag *d)
{
	const char	*path = a->o.outdir;
	struct buf	 tpl, css;
	char		*dd, *cpath = NULL;
	int		 rc;

	(void)argv;
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

/*
 * Every option getopt knows.  Which commands use each, and how usage()
 * shows it, is said once, in uses[] below: an option given to a command
 * that does not use it is a usage error (it would otherwise be taken and
 * have no effect, and the user believe it had).  -h and -V are in no
 * use: every command, and none, takes them.
 */
static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "template", required_argument, NULL, 't' },
	{ "no-pdf", no_argument, NULL, 'P' },
	{ "mail-attach-pdf", no_argument, NULL, 5 },
	{ "mail-no-charts", no_argument, NULL, 6 },
	{ "mail-link", required_argument, NULL, 7 },
	{ "mail-limit", required_argument, NULL, 8 },
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

/* The commands, as bits of uses[].mask. */
enum {
	C_RENDER = 1 << 0,
	C_ARCHIVE = 1 << 1,
	C_CONVERT = 1 << 2,
	C_LAYOUT = 1 << 3,
	C_TEMPLATE = 1 << 4
};

/*
 * Which commands use each option (by its val in longopts), and how
 * usage() shows it: syn, or with sheet, among the SHEET OPTIONS.  The
 * sheet options go with every command that reads an input.  usage()
 * lists each command's options in this order.
 */
static const struct use {
	int		 val;
	unsigned	 mask;
	const char	*syn;		/* NULL: a sheet option */
	const char	*sheet;		/* a sheet option's synopsis */
} uses[] = {
	{ 'I', C_ARCHIVE, "--into ARCHIVE", NULL },
	{ 'R', C_ARCHIVE, "--replace", NULL },
	{ 4, C_CONVERT, "--to json|xlsx", NULL },
	{ 'o', C_RENDER | C_CONVERT | C_TEMPLATE, "-o OUT", NULL },
	{ 't', C_RENDER | C_ARCHIVE, "--template FILE", NULL },
	{ 'P', C_RENDER | C_ARCHIVE, "--no-pdf", NULL },
	{ 'A', C_RENDER | C_ARCHIVE, "--archive ARCHIVE", NULL },
	{ 5, C_RENDER | C_ARCHIVE, "--mail-attach-pdf", NULL },
	{ 6, C_RENDER | C_ARCHIVE, "--mail-no-charts", NULL },
	{ 7, C_RENDER | C_ARCHIVE, "--mail-link URL", NULL },
	{ 8, C_RENDER | C_ARCHIVE, "--mail-limit MB", NULL },
	{ 'F', C_RENDER | C_ARCHIVE, "--mail-from A", NULL },
	{ 'T', C_RENDER | C_ARCHIVE, "--mail-to A", NULL },
	{ 'S', C_RENDER | C_ARCHIVE, "--mail-subject S", NULL },
	{ 'D', C_RENDER | C_ARCHIVE, "--mail-date D", NULL },
	{ 'j', C_RENDER, "-j N", NULL },
	{ 1, C_RENDER | C_ARCHIVE | C_CONVERT | C_LAYOUT, NULL, "--title T" },
	{ 2, C_RENDER | C_ARCHIVE | C_CONVERT | C_LAYOUT, NULL,
	    "--organisation O" },
	{ 3, C_RENDER | C_ARCHIVE | C_CONVERT | C_LAYOUT, NULL, "--period P" },
};

/*
 * Does the command of bit cmd use option ch?  If not, says so (naming
 * the option as given: its long name) for exit status 2.  An option
 * getopt did not know ('?') is left to take().
 */
static bool
used(int ch, unsigned cmd, const char *cmdname)
{
	const char	*name = "?";
	size_t		 i;

	for (i = 0; i < sizeof(uses) / sizeof(uses[0]); i++)
		if (uses[i].val == ch) {
			if (uses[i].mask & cmd)
				return true;
			break;
		}
	if (i == sizeof(uses) / sizeof(uses[0]))
		return true;
	for (i = 0; longopts[i].name != NULL; i++)
		if (longopts[i].val == ch)
			name = longopts[i].name;
	fprintf(stderr, "scorecard: %s: --%s is not an option of %s\n",
	    cmdname, name, cmdname);
	usage(stderr);
	return false;
}

/*
 * Takes option ch (a val of longopts) with its argument arg into a.
 * Returns false after saying what is wrong (and, for an option getopt
 * did not know, the usage), for exit status 2.
 */
static bool
take(struct args *a, int ch, const char *arg)
{
	const char	*why;
	char		*end;
	long		 mb;

	switch (ch) {
	case 'o':
		a->o.outdir = arg;
		break;
	case 't':
		a->o.template = arg;
		break;
	case 'P':
		a->o.pdf = false;
		break;
	case 5:
		a->o.mail.attach_pdf = true;
		break;
	case 6:
		a->o.mail.no_charts = true;
		break;
	case 7:
		if ((why = eml_check_link(arg)) != NULL) {
			fprintf(stderr, "scorecard: --mail-link: %s, not %s\n",
			    why, arg);
			return false;
		}
		a->o.mail.link = arg;
		break;
	case 8:
		errno = 0;
		mb = strtol(arg, &end, 10);
		if (*arg < '0' || *arg > '9' || *end != '\0' || errno != 0 ||
		    mb < 1 || mb > 100000) {
			fprintf(stderr, "scorecard: --mail-limit: expected a "
			    "whole number of MB, 1 to 100000, not %s\n", arg);
			return false;
		}
		a->o.mail.limit = (size_t)mb * 1000 * 1000;
		break;
	case 'I':
		a->into = arg;
		break;
	case 'A':
		if (*arg == '\0') {
			fputs("scorecard: --archive: expected a folder\n",
			    stderr);
			return false;
		}
		a->o.history = arg;
		break;
	case 'j':
		a->jobs = atoi(arg);
		if (a->jobs < 1 || a->jobs > 256) {
			fprintf(stderr, "scorecard: --jobs: expected 1 to 256, "
			    "not %s\n", arg);
			return false;
		}
		break;
	case 'R':
		a->replace = true;
		break;
	case 1:
		a->o.sheet.title = arg;
		break;
	case 2:
		a->o.sheet.organisation = arg;
		break;
	case 3:
		a->o.sheet.period = arg;
		break;
	case 4:
		if (strcmp(arg, "json") != 0 && strcmp(arg, "xlsx") != 0) {
			fprintf(stderr, "scorecard: --to: expected json or "
			    "xlsx, not %s\n", arg);
			return false;
		}
		a->to = arg;
		break;
	case 'F':
	case 'T':
	case 'S':
		if ((why = mail_check_address(arg)) != NULL) {
			fprintf(stderr, "scorecard: --mail-%s %s\n", ch == 'F' ?
			    "from" : ch == 'T' ? "to" : "subject", why);
			return false;
		}
		if (ch == 'F')
			a->o.mail.from = arg;
		else if (ch == 'T')
			a->o.mail.to = arg;
		else
			a->o.mail.subject = arg;
		break;
	case 'D':
		if (!parse_date(arg, &a->o.mail.date)) {
			fprintf(stderr, "scorecard: --mail-date: expected "
			    "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not %s\n",
			    arg);
			return false;
		}
		a->o.mail.has_date = true;
		break;
	default:	/* '?': getopt has said what */
		usage(stderr);
		return false;
	}
	return true;
}

/*
 * The one option parser, for both places options may be: before the
 * command (then only -h and -V: getopt stops at the command, and any
 * other option is a usage error) and after it (every option, in any
 * order with the operands, which GNU getopt moves to the end).
 * After the command, cmd is its bit (0: a command not known, said later)
 * and cmdname its name.  Returns -1 to go on, with optind at the first
 * operand, or the exit status: 0 after -h or -V, 2 after saying what is
 * wrong.
 */
static int
options(int argc, char *argv[], bool command, unsigned cmd,
    const char *cmdname, struct args *a)
{
	int	 ch;

	while ((ch = getopt_long(argc, argv, command ? "o:t:j:hV" :
	    "+o:t:hV", longopts, NULL)) != -1) {
		if (ch == 'h') {
			help();
			return EXIT_OK;
		}
		if (ch == 'V') {
			puts("scorecard " VERSION);
			return EXIT_OK;
		}
		if (!command) {
			usage(stderr);
			return EXIT_USAGE;
		}
		if ((cmd != 0 && !used(ch, cmd, cmdname)) ||
		    !take(a, ch, optarg))
			return EXIT_USAGE;
	}
	return -1;
}

/* A finished run's status as the exit status. */
static int
exit_status(enum report_status st)
{
	switch (st) {
	case REPORT_OK:
		return EXIT_OK;
	case REPORT_INPUT:
		return EXIT_INPUT;
	case REPORT_OUTPUT:
		break;
	}
	return EXIT_OUTPUT;
}

/* render and archive: the templates found, the run, what it says. */
static int
run(struct args *a, const char *cmd, int argc, char *argv[],
    struct diag *d)
{
	struct report_opts *o = &a->o;
	struct buf	 tpl, etpl, atpl, assets;
	char		*dd;
	int		 rc;

	o->input = argv[0];
	dd = datadir();
	buf_init(&tpl);
	buf_init(&assets);
	buf_printf(&tpl, "%s/templates/report.xhtml", dd);
	buf_printf(&assets, "%s/assets", dd);
	buf_init(&etpl);
	buf_printf(&etpl, "%s/templates/email.xhtml", dd);
	o->mail.template = etpl.data;
	if (o->template == NULL)
		o->template = tpl.data;
	o->assets = assets.data;
	buf_init(&atpl);
	buf_printf(&atpl, "%s/templates/archive.xhtml", dd);
	rc = exit_status(strcmp(cmd, "archive") == 0 ?
	    archive_snapshot(o, a->into, atpl.data, a->replace, d) :
	    argc > 1 ? batch_render(o, argv, (size_t)argc, o->outdir,
	    a->jobs, d) : report_render(o, d));
	if (rc == EXIT_OK && tell_tty(stderr))
		tell_done(cmd, argc, o->outdir, a->into);
	buf_release(&tpl);
	buf_release(&etpl);
	buf_release(&atpl);
	buf_release(&assets);
	free(dd);
	tmpl_cleanup();
	draw_cleanup();
	return rc;
}

/* scorecard render FILE... -o DIR */
static int
render_cmd(struct args *a, int argc, char *argv[], struct diag *d)
{
	if (argc < 1 || a->o.outdir == NULL || *a->o.outdir == '\0') {
		if (argc == 0)
			fputs("scorecard: render: no input file given\n",
			    stderr);
		else
			fputs("scorecard: render: no output folder given "
			    "(-o DIR)\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	/* Each input's report.html is published at an address of its own:
	 * one --mail-link would send every email but one to another's. */
	if (argc > 1 && a->o.mail.link != NULL) {
		fputs("scorecard: render: --mail-link is the address of one "
		    "report.html: render one input at a time with it\n",
		    stderr);
		return EXIT_USAGE;
	}
	return run(a, "render", argc, argv, d);
}

/* scorecard archive FILE --into ARCHIVE */
static int
archive_cmd(struct args *a, int argc, char *argv[], struct diag *d)
{
	if (argc != 1 || a->into == NULL || *a->into == '\0') {
		fputs(argc != 1 ? "scorecard: archive: one input file at a "
		    "time\n" : "scorecard: archive: no archive folder given "
		    "(--into DIR)\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	return run(a, "archive", argc, argv, d);
}

/* scorecard convert FILE [--to json|xlsx] [-o OUT] */
static int
convert_cmd(struct args *a, int argc, char *argv[], struct diag *d)
{
	struct report_opts *o = &a->o;
	struct buf	 out;
	int		 rc = EXIT_OK;

	if (argc != 1) {
		fputs("scorecard: convert: one input file at a time\n",
		    stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	o->input = argv[0];
	if (a->to != NULL && strcmp(a->to, "xlsx") == 0) {
		if (o->outdir == NULL || *o->outdir == '\0') {
			fputs("scorecard: convert: --to xlsx needs -o "
			    "FILE.xlsx\n", stderr);
			usage(stderr);
			return EXIT_USAGE;
		}
		return exit_status(convert_xlsx(o, o->outdir, d));
	}
	if (o->outdir != NULL) {
		fputs("scorecard: convert: -o is for --to xlsx; the JSON goes "
		    "to standard output\n", stderr);
		return EXIT_USAGE;
	}
	buf_init(&out);
	if (convert_json(o, &out, d) != REPORT_OK)
		rc = EXIT_INPUT;
	else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0)
		rc = EXIT_OUTPUT;
	buf_release(&out);
	tmpl_cleanup();
	return rc;
}

/* scorecard layout FILE */
static int
layout_cmd(struct args *a, int argc, char *argv[], struct diag *d)
{
	struct buf	 out;
	int		 rc = EXIT_OK;

	if (argc != 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	a->o.input = argv[0];
	buf_init(&out);
	if (report_layout(&a->o, &out, d) != REPORT_OK)
		rc = EXIT_INPUT;
	else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0)
		rc = EXIT_OUTPUT;
	buf_release(&out);
	return rc;
}

/*
 * The commands: each checks its own operands and options.  usage()
 * shows head, then every option of uses[] the command takes but those
 * in req (the options head shows, by val).
 */
static const struct command {
	const char	*name;
	const char	*prog;		/* getopt's messages name it so */
	unsigned	 bit;		/* in uses[] */
	const char	*head;		/* operands and options required */
	const char	*req;		/* the vals of the options in head */
	int		(*run)(struct args *, int, char *[], struct diag *);
} commands[] = {
	{ "render", "scorecard render", C_RENDER, "FILE... -o DIR", "o",
	    render_cmd },
	{ "archive", "scorecard archive", C_ARCHIVE, "FILE --into ARCHIVE",
	    "I", archive_cmd },
	{ "convert", "scorecard convert", C_CONVERT, "FILE", "", convert_cmd },
	{ "layout", "scorecard layout", C_LAYOUT, "FILE", "", layout_cmd },
	{ "template", "scorecard template", C_TEMPLATE, "-o FILE.xhtml", "o",
	    template_cmd },
};

/* Appends " [syn]" to b at column *col, on a new line at indent if the
 * line would pass 79 columns. */
static void
usage_opt(struct buf *b, size_t *col, size_t indent, const char *syn)
{
	size_t	 len = strlen(syn) + 2;

	if (*col + 1 + len > 79) {
		buf_printf(b, "\n%*s", (int)indent, "");
		*col = indent;
	} else {
		buf_putc(b, ' ');
		(*col)++;
	}
	buf_printf(b, "[%s]", syn);
	*col += len;
}

/*
 * The synopsis of every command, made from commands[] and uses[], so
 * that it shows exactly the options each command takes.
 */
static void
usage(FILE *fp)
{
	const struct command *c;
	struct buf	 b;
	size_t		 i, k, start, col, indent;
	bool		 sheet;

	buf_init(&b);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		c = &commands[i];
		start = b.len;
		buf_printf(&b, "%sscorecard %s ", i == 0 ? "usage: " :
		    "       ", c->name);
		indent = b.len - start;
		buf_puts(&b, c->head);
		col = b.len - start;
		sheet = false;
		for (k = 0; k < sizeof(uses) / sizeof(uses[0]); k++) {
			if (!(uses[k].mask & c->bit) ||
			    strchr(c->req, uses[k].val) != NULL)
				continue;
			if (uses[k].syn == NULL)
				sheet = true;
			else
				usage_opt(&b, &col, indent, uses[k].syn);
		}
		if (sheet)
			usage_opt(&b, &col, indent, "SHEET OPTIONS");
		buf_putc(&b, '\n');
	}
	buf_puts(&b, "       scorecard --help | --version\nSHEET OPTIONS:");
	for (k = 0; k < sizeof(uses) / sizeof(uses[0]); k++)
		if (uses[k].syn == NULL)
			buf_printf(&b, " [%s]", uses[k].sheet);
	buf_putc(&b, '\n');
	fputs(b.data, fp);
	buf_release(&b);
}

int
main(int argc, char *argv[])
{
	const struct command *c = NULL;
	struct args	 a;
	struct diag	 d;
	const char	*cmd;
	size_t		 i;
	int		 rc;

	memlimit_setup();	/* before any thread */
	setlocale(LC_CTYPE, "");
	/* getopt's own messages then name us, not our path. */
	argv[0] = (char *)"scorecard";
	memset(&a, 0, sizeof(a));
	a.o.pdf = true;
	diag_init(&d, stderr, "scorecard");
	if ((rc = options(argc, argv, false, 0, NULL, &a)) >= 0)
		return rc;
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[0];
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cmd, commands[i].name) == 0)
			c = &commands[i];
	/* An unknown command is said after its options' messages. */
	argv[0] = (char *)(c != NULL ? c->prog : "scorecard render");
	optind = 0;	/* GNU: reinitialise, so the second scan permutes */
	if ((rc = options(argc, argv, true, c != NULL ? c->bit : 0,
	    cmd, &a)) >= 0)
		return rc;
	argc -= optind;
	argv += optind;
	if (c == NULL) {
		fprintf(stderr, "scorecard: unknown command: %s\n", cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	return c->run(&a, argc, argv, &d);
}
