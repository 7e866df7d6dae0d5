return Qp.Cli.QpApp.Run(args);
