/// PRD-23 (SocketBasics): the socket primitives the WebSocket server (PRD-24) builds on.
/// Creates a TCP socket, binds it to 127.0.0.1, listens, closes it, and prints every step with
/// its result:
///
///     socket: fd 3
///     bind: 0
///     listen: 0
///     close: 0
///
/// Usage: SocketBasics [port]   (default 8081). Exit code 0, or 1 if a step failed.
module SocketBasics

[<EntryPoint>]
let main (argv: string[]) =
    let port = if Array.length argv > 0 then Parse.int argv.[0] else 8081
    Console.writeln ("=== Socket Basics: 127.0.0.1:" + Format.int port + " ===")

    // socket(AF_INET, SOCK_STREAM, 0): a new file descriptor, or -1
    let sock = Sys.socket AF_INET SOCK_STREAM 0
    Console.writeln ("socket: fd " + Format.int sock)
    let mutable failed = sock < 0

    if not failed then
        // bind and listen answer 0 on success and -1 on failure (e.g. the port is in use)
        let bound = Sys.bind sock (SockAddr.ipv4 "127.0.0.1" port)
        Console.writeln ("bind: " + Format.int bound)
        failed <- bound <> 0

        if not failed then
            let listening = Sys.listen sock 10
            Console.writeln ("listen: " + Format.int listening)
            failed <- listening <> 0

        // The descriptor is closed whatever happened after it was created
        let closed = Sys.close sock
        Console.writeln ("close: " + Format.int closed)
        if closed <> 0 then
            failed <- true

    if failed then 1 else 0
