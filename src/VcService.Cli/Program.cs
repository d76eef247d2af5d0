// The vcservice command line; commands are added by the features that need them.
return VcService.Cli.CliApp.Run(args);
