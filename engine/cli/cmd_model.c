/* cmd_model.c - placeholder until the 'model' subcommand lands (being built now). */
#include <stdio.h>
#include "cli/cli.h"

int cmd_model(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "mutu model: not built yet\n");
	return 1;
}
