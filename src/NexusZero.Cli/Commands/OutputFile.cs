namespace NexusZero.Cli.Commands;

/// <summary>Writes a file through a temporary name so a failed run never leaves a partial output behind.</summary>
internal static class OutputFile
{
    public static void Write(FileInfo target, Action<Stream> write)
    {
        var temporary = target.FullName + ".partial";
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, target.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
