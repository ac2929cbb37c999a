using NexusZero.Cli;

return CliRunner.Run(args, Console.Out, Console.Error);
