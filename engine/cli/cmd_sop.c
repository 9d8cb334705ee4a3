/* cmd_sop.c - placeholder until the 'sop' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_sop(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu sop: not built yet\n");
	return 1;
}
