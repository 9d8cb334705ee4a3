/* cmd_calendar.c - placeholder until the 'calendar' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_calendar(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu calendar: not built yet\n");
	return 1;
}
