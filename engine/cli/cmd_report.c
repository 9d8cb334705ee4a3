/* cmd_report.c - placeholder until the 'report' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu report: not built yet\n");
	return 1;
}
