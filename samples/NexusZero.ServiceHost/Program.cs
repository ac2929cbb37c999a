// The runnable host of NexusZero.Service: built out in issue #18.
Console.WriteLine("NexusZero.ServiceHost: not yet wired (issue #18).");
