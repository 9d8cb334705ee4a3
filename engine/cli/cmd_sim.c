/* cmd_sim.c - placeholder until the 'sim' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_sim(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu sim: not built yet\n");
	return 1;
}
