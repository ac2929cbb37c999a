using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceLoad;

/// <summary>A redis-server of the script's own: loopback, a free port, no persistence, killed at the end.</summary>
internal static class RedisProcess
{
    public static async Task<(ChildProcess Process, string Configuration)> StartAsync()
    {
        var port = ChildProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("service-load-redis-").FullName;
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", directory, "--daemonize", "no", "--loglevel", "warning",
        ];
        try
        {
            var process = await ChildProcess.StartAsync("redis-server", "redis-server", arguments, () => PingAsync(port), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            return (process, $"127.0.0.1:{port},abortConnect=false");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} Install redis-server with `sudo bash .ci/deps/redis.sh` (from the repository root).", ex);
        }
    }

    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
