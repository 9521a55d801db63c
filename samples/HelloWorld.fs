/// The smallest complete program: one line of output, exit code 0.
module HelloWorld

[<EntryPoint>]
let main _ =
    Console.writeln "Hello, World!"
    0
