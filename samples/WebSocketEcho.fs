/// PRD-24: a WebSocket echo server (RFC 6455) on raw sockets, written in the F# subset.
///
/// The seed's section 6.1 program made complete and correct: every message a client sends comes
/// back to it, whatever TCP does to the bytes on the way (frames split over many reads, or many
/// frames in one read), with the protocol's rules enforced: masking, reserved bits and opcodes,
/// fragmentation, UTF-8 text, ping/pong, the closing handshake, a message size limit, and a strict
/// opening handshake. Everything is blocking: Sys.accept, Sys.read, Sys.write.
///
/// Usage: WebSocketEcho [port] [connections]
///   port         default 8080
///   connections  how many connections to serve, one after another, before exiting
///                (default: serve forever)
///
/// Layout, following the PRD: limits and types (section 3.1), reading from the socket, the
/// opening handshake (sections 2.1 and 4.2), frame parsing (sections 2.2 and 4.1), frame writing
/// (section 5), UTF-8, the echo loop (section 2.3), and the server (section 6.1).
module WebSocketEcho

// =============================================================================================
// Limits
// =============================================================================================

/// The largest message echoed; a longer one is refused with close code 1009 before any of it is
/// allocated. Messages may be fragmented; the limit applies to the whole message.
let maxMessageSize = 16 * 1024 * 1024

/// The opening handshake's headers may not be longer than this (else HTTP 431).
let maxRequestSize = 8192

/// Bytes read from the socket wait here until a whole frame header is buffered. It also holds the
/// handshake request, so it is at least maxRequestSize.
let readBufferSize = 16384

/// Messages up to this size are assembled in the connection's own buffer; larger ones get a
/// region of their own, sized to the message.
let smallMessageSize = 65536

/// A control frame's payload is at most 125 bytes (RFC 6455 §5.5).
let maxControlPayload = 125

let pageSize = 4096

/// Pages of the per-connection region: the state slots, the read buffer, the small-message
/// buffer and the control-frame buffer, with a page to spare.
let connectionPages = (64 + readBufferSize + smallMessageSize + maxControlPayload) / pageSize + 2

// Close status codes (RFC 6455 §7.4.1)
let closeProtocolError = 1002
let closeInvalidPayload = 1007
let closeMessageTooBig = 1009

// =============================================================================================
// Types (section 3.1)
// =============================================================================================

/// One frame header as the client sent it (RFC 6455 §5.2), and where its payload is.
type WebSocketFrame = {
    Opcode: int
    IsMasked: bool
    Length: int64
    MaskKey: uint32
    Payload: nativeptr<byte>
    /// FIN: the last frame of its message
    Fin: bool
    /// RSV1-3; must be 0, as no extension is ever negotiated
    Rsv: int
    /// 2 to 14 bytes: 2, plus 2 or 8 for an extended length, plus 4 for the masking key
    HeaderLength: int
    /// False when the client went away before the whole header arrived
    Received: bool
}

/// Everything one client connection owns. The pointers are fixed; what changes lives in the
/// memory they point to (the state slots below), so plain functions can share it.
type Connection = {
    Client: int
    /// Integer slots: see `slotStart` and the others below
    State: nativeptr<int>
    /// Bytes read from the socket and not yet consumed, from slot Start to slot Fill
    Buffer: nativeptr<byte>
    /// Where messages up to smallMessageSize are assembled
    Message: nativeptr<byte>
    /// The payload of the control frame being handled
    Control: nativeptr<byte>
}

// The state slots of a connection
/// First unconsumed byte in Buffer
let slotStart = 0
/// One past the last buffered byte in Buffer
let slotFill = 1
/// Opcode of the message being received (1 text, 2 binary), 0 between messages
let slotMessageOpcode = 2
/// Bytes of that message received so far
let slotMessageLength = 3
/// State of the UTF-8 decoder over that message, if it is text
let slotUtf8 = 4
let stateSlots = 8

let getState (conn: Connection) (slot: int) : int = NativePtr.get conn.State slot

let setState (conn: Connection) (slot: int) (value: int) = NativePtr.set conn.State slot value

// =============================================================================================
// Reading from the socket
// =============================================================================================
// TCP is a byte stream: one read may return part of a frame, or several frames. Bytes are read
// into the connection's buffer and a frame is parsed only once all of its header is there.

/// Makes at least `count` unconsumed bytes available in the buffer, reading as often as needed.
/// False if the client went away (read returned 0 or -1) first.
let fillBuffer (conn: Connection) (count: int) : bool =
    let mutable start = getState conn slotStart
    let mutable fill = getState conn slotFill
    if fill - start < count && start > 0 then
        // Shift the leftover (part of a header) down to make room for the rest
        if fill > start then
            NativePtr.copy conn.Buffer (NativePtr.add conn.Buffer start) (fill - start)
        fill <- fill - start
        start <- 0
    let mutable alive = true
    while alive && fill - start < count do
        let n = Sys.read conn.Client (NativePtr.add conn.Buffer fill) (readBufferSize - fill)
        if n > 0 then
            fill <- fill + n
        else
            alive <- false
    setState conn slotStart start
    setState conn slotFill fill
    alive

/// Marks `count` buffered bytes as used.
let consume (conn: Connection) (count: int) =
    let start = getState conn slotStart + count
    if start = getState conn slotFill then
        // Everything is used: the next read starts at the front again
        setState conn slotStart 0
        setState conn slotFill 0
    else
        setState conn slotStart start

/// Moves the next `len` bytes of the stream to `dest`: first those already buffered, then the
/// rest straight from the socket. It never reads more than `len`, so a large payload is not
/// copied twice and the bytes after it stay in the socket for the next frame.
/// False if the client went away first.
let readPayload (conn: Connection) (dest: nativeptr<byte>) (len: int) : bool =
    let start = getState conn slotStart
    let buffered = getState conn slotFill - start
    let fromBuffer = if buffered < len then buffered else len
    if fromBuffer > 0 then
        NativePtr.copy dest (NativePtr.add conn.Buffer start) fromBuffer
        consume conn fromBuffer
    let mutable got = fromBuffer
    let mutable alive = true
    while alive && got < len do
        let n = Sys.read conn.Client (NativePtr.add dest got) (len - got)
        if n > 0 then
            got <- got + n
        else
            alive <- false
    alive

/// Writes a whole string; false if the client is gone.
let writeString (client: int) (text: string) : bool =
    Sys.write client (String.toBytes text) (String.length text) = String.length text

// =============================================================================================
// Opening handshake (sections 2.1 and 4.2; RFC 6455 §4.2)
// =============================================================================================

/// Whether CR LF CR LF, the blank line that ends the request's headers, starts at `i`.
let endsHeaders (buffer: nativeptr<byte>) (i: int) : bool =
    NativePtr.get buffer i = 13uy
    && NativePtr.get buffer (i + 1) = 10uy
    && NativePtr.get buffer (i + 2) = 13uy
    && NativePtr.get buffer (i + 3) = 10uy

/// Reads the HTTP upgrade request until the blank line after its headers; it may arrive in many
/// small reads. Returns its length in bytes (blank line included), 0 if the client went away, or
/// -1 if the headers outgrow maxRequestSize. Bytes after the request (a client may send its
/// first frame at once) stay buffered for the frame reader.
let readRequest (conn: Connection) : int =
    let mutable fill = 0
    let mutable length = 0
    let mutable reading = true
    while reading do
        let n = Sys.read conn.Client (NativePtr.add conn.Buffer fill) (maxRequestSize - fill)
        if n <= 0 then
            reading <- false
        else
            // Look for the blank line in the new bytes, and across the boundary with the old ones
            let mutable i = if fill >= 3 then fill - 3 else 0
            fill <- fill + n
            while length = 0 && i + 3 < fill do
                if endsHeaders conn.Buffer i then
                    length <- i + 4
                i <- i + 1
            if length > 0 then
                reading <- false
            elif fill = maxRequestSize then
                length <- -1
                reading <- false
    if length > 0 then
        setState conn slotStart length
        setState conn slotFill fill
    length

/// Whether a comma-separated header value (e.g. `Connection: keep-alive, Upgrade`) holds
/// `token`, compared without regard to case.
let hasToken (value: string) (token: string) : bool =
    let mutable rest = String.toLower value
    let mutable found = false
    let mutable more = true
    while more && not found do
        let comma = String.indexOf rest ","
        let item = if comma < 0 then rest else String.substring rest 0 comma
        if String.trim item = token then
            found <- true
        if comma < 0 then
            more <- false
        else
            rest <- String.substring rest (comma + 1) (String.length rest - comma - 1)
    found

/// A-Z a-z 0-9 + /
let isBase64Char (c: byte) : bool =
    (c >= 65uy && c <= 90uy) || (c >= 97uy && c <= 122uy) || (c >= 48uy && c <= 57uy) || c = 43uy || c = 47uy

/// `Sec-WebSocket-Key` must be 16 bytes in base64: 22 characters of the alphabet, then `==`.
let isValidKey (key: string) : bool =
    if String.length key <> 24 then
        false
    else
        let bytes = String.toBytes key
        let mutable valid = (NativePtr.get bytes 22 = 61uy) && (NativePtr.get bytes 23 = 61uy)
        for i in 0 .. 21 do
            if not (isBase64Char (NativePtr.get bytes i)) then
                valid <- false
        valid

/// Section 4.2: the accept key proves the server read the client's key (RFC 6455 §4.2.2):
/// base64 (SHA-1 (key + the protocol's GUID)).
let webSocketAcceptKey (clientKey: string) : string =
    // Concatenate with magic GUID
    let combined = clientKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    // SHA-1 hash
    let hash = Crypto.sha1 (String.toBytes combined) (String.length combined)
    // Base64 encode
    Crypto.base64Encode hash 20

/// The 101 response that switches the connection to WebSocket.
let buildUpgradeResponse (accept: string) : string =
    "HTTP/1.1 101 Switching Protocols\r\n"
    + "Upgrade: websocket\r\n"
    + "Connection: Upgrade\r\n"
    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n"

/// An HTTP error response that refuses the upgrade; `headers` are extra header lines.
let httpError (status: string) (headers: string) : string =
    "HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\nContent-Length: 0\r\n\r\n"

/// Section 2.1: checks the upgrade request (RFC 6455 §4.2.1) and answers it: 101 and true when
/// it is a valid WebSocket opening handshake; otherwise 400 (not a WebSocket upgrade, or a bad
/// key) or 426 (a protocol version other than 13), and false.
let handleUpgrade (client: int) (request: string) : bool =
    let requestLineEnd = String.indexOf request "\r\n"
    let requestLine = String.substring request 0 requestLineEnd
    let mutable upgrade = ""
    let mutable connection = ""
    let mutable key = ""
    let mutable keyCount = 0
    let mutable version = ""
    let mutable hostCount = 0
    let mutable malformed = false

    // Header lines are `Name: value`, names without regard to case; the request ends with an
    // empty line, so every line, the last one included, ends with CR LF
    let mutable pos = requestLineEnd + 2
    while pos < String.length request - 2 do
        let rest = String.substring request pos (String.length request - pos)
        let lineLength = String.indexOf rest "\r\n"
        let line = String.substring rest 0 lineLength
        let colon = String.indexOf line ":"
        if colon <= 0 then
            malformed <- true
        else
            let name = String.toLower (String.trim (String.substring line 0 colon))
            let value = String.trim (String.substring line (colon + 1) (lineLength - colon - 1))
            match name with
            | "upgrade" -> upgrade <- value
            | "connection" -> connection <- value
            | "sec-websocket-key" ->
                key <- value
                keyCount <- keyCount + 1
            | "sec-websocket-version" -> version <- value
            | "host" -> hostCount <- hostCount + 1
            | _ -> ()
        pos <- pos + lineLength + 2

    let isUpgrade =
        String.startsWith requestLine "GET "
        && String.contains requestLine " HTTP/1.1"
        && not malformed
        // An HTTP/1.1 request names exactly one Host (RFC 6455 §4.1, RFC 7230 §5.4)
        && hostCount = 1
        && hasToken upgrade "websocket"
        && hasToken connection "upgrade"
    if not isUpgrade || keyCount <> 1 || not (isValidKey key) then
        writeString client (httpError "400 Bad Request" "") |> ignore
        false
    elif version <> "13" then
        // Tell the client which version this server speaks (RFC 6455 §4.4)
        writeString client (httpError "426 Upgrade Required" "Sec-WebSocket-Version: 13\r\n") |> ignore
        false
    else
        writeString client (buildUpgradeResponse (webSocketAcceptKey key))

// =============================================================================================
// Frame parsing (sections 2.2 and 4.1; RFC 6455 §5.2)
// =============================================================================================
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-------+-+-------------+-------------------------------+
//   |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
//   |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
//   |N|V|V|V|       |S|             |   (if payload len==126/127)   |
//   | |1|2|3|       |K|             |                               |
//   +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
//   |     Extended payload length continued, if payload len == 127  |
//   + - - - - - - - - - - - - - - - +-------------------------------+
//   |                               | Masking-key, if MASK set to 1 |
//   +-------------------------------+-------------------------------+
//   | Masking-key (continued)       |          Payload Data         |
//   +-------------------------------- - - - - - - - - - - - - - - - +

/// The big-endian integer in `count` bytes at `offset`.
let readBigEndian (buffer: nativeptr<byte>) (offset: int) (count: int) : int64 =
    let mutable value = 0L
    for i in 0 .. count - 1 do
        value <- (value <<< 8) ||| int64 (NativePtr.get buffer (offset + i))
    value

/// How long a header is, from its second byte: 2, plus 2 (length 126) or 8 (length 127) bytes of
/// extended length, plus 4 bytes of masking key when MASK is set.
let headerLength (b1: byte) : int =
    let lengthBytes =
        match int (b1 &&& 0x7Fuy) with
        | 126 -> 2
        | 127 -> 8
        | _ -> 0
    let maskBytes = if (b1 &&& 0x80uy) <> 0uy then 4 else 0
    2 + lengthBytes + maskBytes

/// Decodes the frame header at the start of `buffer`, which must hold all of it. A 64-bit
/// length with its top bit set (forbidden by §5.2) comes out negative.
let parseFrame (buffer: nativeptr<byte>) : WebSocketFrame =
    let b0 = NativePtr.get buffer 0
    let b1 = NativePtr.get buffer 1

    let opcode = b0 &&& 0x0Fuy
    let isMasked = (b1 &&& 0x80uy) <> 0uy
    let len = b1 &&& 0x7Fuy

    // Extended length: 126 means a 16-bit length follows, 127 a 64-bit one
    let mutable length = int64 len
    let mutable pos = 2
    if len = 126uy then
        length <- readBigEndian buffer 2 2
        pos <- 4
    elif len = 127uy then
        length <- readBigEndian buffer 2 8
        pos <- 10

    // Mask key if masked
    let mutable maskKey = 0u
    if isMasked then
        maskKey <- uint32 (readBigEndian buffer pos 4)
        pos <- pos + 4

    { Opcode = int opcode
      IsMasked = isMasked
      Length = length
      MaskKey = maskKey
      Payload = NativePtr.add buffer pos
      Fin = (b0 &&& 0x80uy) <> 0uy
      Rsv = int ((b0 &&& 0x70uy) >>> 4)
      HeaderLength = pos
      Received = true }

/// Section 2.2: waits until the next frame's header is wholly buffered and decodes it. The header
/// stays in the buffer (`consume` it once it is accepted), so it can be decoded again.
let readFrame (conn: Connection) : WebSocketFrame =
    // The first two bytes tell how long the rest of the header is
    let mutable received = fillBuffer conn 2
    if received then
        let b1 = NativePtr.get conn.Buffer (getState conn slotStart + 1)
        received <- fillBuffer conn (headerLength b1)
    if received then
        parseFrame (NativePtr.add conn.Buffer (getState conn slotStart))
    else
        // The client went away in the middle of a header
        { Opcode = 0
          IsMasked = false
          Length = 0L
          MaskKey = 0u
          Payload = conn.Buffer
          Fin = false
          Rsv = 0
          HeaderLength = 0
          Received = false }

/// Client payloads are XORed with the 4-byte masking key, byte i with key byte i mod 4, the key
/// in network order (RFC 6455 §5.3). XOR again to unmask.
let unmask (data: nativeptr<byte>) (len: int) (maskKey: uint32) =
    let m0 = byte (maskKey >>> 24)
    let m1 = byte (maskKey >>> 16)
    let m2 = byte (maskKey >>> 8)
    let m3 = byte maskKey
    let mutable i = 0
    while i + 3 < len do
        NativePtr.set data i (NativePtr.get data i ^^^ m0)
        NativePtr.set data (i + 1) (NativePtr.get data (i + 1) ^^^ m1)
        NativePtr.set data (i + 2) (NativePtr.get data (i + 2) ^^^ m2)
        NativePtr.set data (i + 3) (NativePtr.get data (i + 3) ^^^ m3)
        i <- i + 4
    while i < len do
        let key =
            match i % 4 with
            | 0 -> m0
            | 1 -> m1
            | _ -> m2
        NativePtr.set data i (NativePtr.get data i ^^^ key)
        i <- i + 1

// =============================================================================================
// Frame writing (section 5)
// =============================================================================================

/// Section 2.2 (the seed's `sendFrame`): one final, unmasked frame (a server never masks,
/// §5.1); the length takes 7 bits, or 126 and 16 bits, or 127 and 64 bits. A frame of up to
/// smallMessageSize bytes goes out in one write, header and payload together: written apart, the
/// payload would wait for the client to acknowledge the header (Nagle's algorithm, RFC 896,
/// meeting the client's delayed ACK, RFC 1122 §4.2.3.2), some 40 ms for every message. A larger
/// payload follows its header in a second write, as in section 5, rather than being copied.
/// False if the client is gone.
let writeFrame (client: int) (opcode: int) (data: nativeptr<byte>) (len: int) : bool =
    let headerLength = if len <= 125 then 2 elif len <= 65535 then 4 else 10
    let together = len <= smallMessageSize
    let frame = NativePtr.stackalloc<byte> (if together then headerLength + len else headerLength)
    NativePtr.set frame 0 (byte (0x80 ||| opcode))
    if len <= 125 then
        NativePtr.set frame 1 (byte len)
    elif len <= 65535 then
        NativePtr.set frame 1 126uy
        NativePtr.set frame 2 (byte (len >>> 8))
        NativePtr.set frame 3 (byte len)
    else
        NativePtr.set frame 1 127uy
        for i in 0 .. 7 do
            NativePtr.set frame (2 + i) (byte (int64 len >>> (56 - 8 * i)))
    if together then
        if len > 0 then
            NativePtr.copy (NativePtr.add frame headerLength) data len
        Sys.write client frame (headerLength + len) >= 0
    else
        Sys.write client frame headerLength >= 0 && Sys.write client data len >= 0

/// A close frame (§5.5.1) with a status code, or with no payload at all when `code` is 0.
let sendCloseFrame (client: int) (code: int) =
    let payload = NativePtr.stackalloc<byte> 2
    if code = 0 then
        writeFrame client 0x8 payload 0 |> ignore
    else
        NativePtr.set payload 0 (byte (code >>> 8))
        NativePtr.set payload 1 (byte code)
        writeFrame client 0x8 payload 2 |> ignore

/// Fails the WebSocket connection (§7.1.7): a close frame with the reason, then nothing more is
/// sent and the caller ends the connection.
let failConnection (conn: Connection) (code: int) = sendCloseFrame conn.Client code

// =============================================================================================
// UTF-8 (RFC 3629 §4), for text messages (RFC 6455 §8.1) and close reasons (§5.5.1)
// =============================================================================================
// A small DFA over bytes. Its states say what the next byte may be:
//   0 accept (between characters)        4 after E0: A0-BF, then one more
//   1 one more continuation (80-BF)      5 after ED: 80-9F (no surrogates), then one more
//   2 two more continuations             6 after F0: 90-BF (no overlongs), then two more
//   3 three more continuations           7 after F4: 80-8F (at most U+10FFFF), then two more
//   8 reject, for good
// C0, C1 and F5-FF never occur (overlongs and beyond U+10FFFF).

let utf8Accept = 0
let utf8Reject = 8

let isContinuation (b: int) : bool = b >= 0x80 && b <= 0xBF

/// The decoder's state after byte `b`.
let utf8Step (state: int) (b: int) : int =
    match state with
    | 0 ->
        if b < 0x80 then 0
        elif b >= 0xC2 && b <= 0xDF then 1
        elif b = 0xE0 then 4
        elif b = 0xED then 5
        elif b >= 0xE1 && b <= 0xEF then 2
        elif b = 0xF0 then 6
        elif b >= 0xF1 && b <= 0xF3 then 3
        elif b = 0xF4 then 7
        else utf8Reject
    | 1 -> if isContinuation b then 0 else utf8Reject
    | 2 -> if isContinuation b then 1 else utf8Reject
    | 3 -> if isContinuation b then 2 else utf8Reject
    | 4 -> if b >= 0xA0 && b <= 0xBF then 1 else utf8Reject
    | 5 -> if b >= 0x80 && b <= 0x9F then 1 else utf8Reject
    | 6 -> if b >= 0x90 && b <= 0xBF then 2 else utf8Reject
    | 7 -> if b >= 0x80 && b <= 0x8F then 2 else utf8Reject
    | _ -> utf8Reject

/// Runs the decoder from `state` over `len` bytes; the text so far is valid while the result is
/// not utf8Reject, and complete when it is utf8Accept.
let utf8Validate (state: int) (data: nativeptr<byte>) (len: int) : int =
    let mutable s = state
    let mutable i = 0
    while i < len && s <> utf8Reject do
        let b = int (NativePtr.get data i)
        // ASCII between characters, the common case, stays in the accept state
        if not (s = utf8Accept && b < 0x80) then
            s <- utf8Step s b
        i <- i + 1
    s

// =============================================================================================
// Protocol checks
// =============================================================================================

/// The close code a frame header earns, or 0 when it is acceptable here.
let checkFrame (conn: Connection) (frame: WebSocketFrame) : int =
    let inMessage = getState conn slotMessageOpcode <> 0
    if frame.Rsv <> 0 then
        closeProtocolError // RSV bits without a negotiated extension (§5.2)
    elif not frame.IsMasked then
        closeProtocolError // every client frame is masked (§5.1)
    elif frame.Length < 0L then
        closeProtocolError // the top bit of a 64-bit length must be 0 (§5.2)
    else
        match frame.Opcode with
        // Continuation: only inside a fragmented message (§5.4)
        | 0x0 -> if inMessage then 0 else closeProtocolError
        // Text or binary: starts a message, so not inside another one (§5.4)
        | 0x1 | 0x2 -> if inMessage then closeProtocolError else 0
        // Close, ping, pong: at most 125 bytes and never fragmented (§5.5); they may come
        // between the fragments of a message
        | 0x8 | 0x9 | 0xA -> if not frame.Fin || frame.Length > 125L then closeProtocolError else 0
        // Opcodes 3-7 and B-F are reserved (§5.2)
        | _ -> closeProtocolError

/// Status codes a close frame may carry (§7.4): 1000-1003 and 1007-1014 are defined; 1004-1006
/// and 1015 must not be sent; 1016-2999 are reserved; 3000-4999 are for libraries and
/// applications.
let isValidCloseCode (code: int) : bool =
    (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)

// =============================================================================================
// Control frames (RFC 6455 §5.5)
// =============================================================================================

/// The client started the closing handshake (§5.5.1, §7.1.2): answer with its status code (an
/// empty close if it sent none). A 1-byte payload, an invalid code or a reason that is not UTF-8
/// gets 1002 instead. Either way the connection is over.
let handleClose (conn: Connection) (len: int) =
    if len = 0 then
        sendCloseFrame conn.Client 0
    elif len = 1 then
        sendCloseFrame conn.Client closeProtocolError
    else
        let code = (int (NativePtr.get conn.Control 0) <<< 8) ||| int (NativePtr.get conn.Control 1)
        let reason = utf8Validate utf8Accept (NativePtr.add conn.Control 2) (len - 2)
        if isValidCloseCode code && reason = utf8Accept then
            sendCloseFrame conn.Client code
        else
            sendCloseFrame conn.Client closeProtocolError

/// Handles a checked ping, pong or close frame whose header is at the front of the buffer.
/// False when the connection is over.
let handleControl (conn: Connection) (frame: WebSocketFrame) : bool =
    let len = int frame.Length
    consume conn frame.HeaderLength
    if not (readPayload conn conn.Control len) then
        false
    else
        unmask conn.Control len frame.MaskKey
        match frame.Opcode with
        | 0x9 -> writeFrame conn.Client 0xA conn.Control len // ping: pong, same payload (§5.5.2)
        | 0xA -> true // a pong nobody asked for is ignored (§5.5.3)
        | _ ->
            handleClose conn len
            false

// =============================================================================================
// Data messages (RFC 6455 §5.4, §5.6)
// =============================================================================================

/// Reads the payload of a checked text, binary or continuation frame to `dest`, unmasks it, and
/// runs the UTF-8 decoder over it if the message is text, so invalid text fails at the first
/// frame that shows it (1007). False when the connection is over.
let receiveData (conn: Connection) (frame: WebSocketFrame) (dest: nativeptr<byte>) : bool =
    let len = int frame.Length
    consume conn frame.HeaderLength
    if frame.Opcode <> 0x0 then
        // The first frame of a message says what kind it is
        setState conn slotMessageOpcode frame.Opcode
        setState conn slotUtf8 utf8Accept
    if not (readPayload conn dest len) then
        false
    else
        unmask dest len frame.MaskKey
        setState conn slotMessageLength (getState conn slotMessageLength + len)
        if getState conn slotMessageOpcode = 0x1 then
            let utf8 = utf8Validate (getState conn slotUtf8) dest len
            setState conn slotUtf8 utf8
            if utf8 = utf8Reject then
                failConnection conn closeInvalidPayload
                false
            else
                true
        else
            true

/// The final fragment is in: echo the whole message as one frame of its kind. Text must not end
/// in the middle of a character (1007). False when the connection is over.
let finishMessage (conn: Connection) (message: nativeptr<byte>) : bool =
    let opcode = getState conn slotMessageOpcode
    let len = getState conn slotMessageLength
    setState conn slotMessageOpcode 0
    setState conn slotMessageLength 0
    if opcode = 0x1 && getState conn slotUtf8 <> utf8Accept then
        failConnection conn closeInvalidPayload
        false
    else
        writeFrame conn.Client opcode message len

/// Reads frames until one whole message has arrived and been echoed (true), or the connection is
/// over (false). The message is assembled in `message`, which holds `capacity` bytes; control
/// frames between its fragments are answered on the way.
let rec receiveMessage (conn: Connection) (message: nativeptr<byte>) (capacity: int) : bool =
    let mutable alive = true
    let mutable finished = false
    while not finished do
        let frame = readFrame conn
        let problem = if frame.Received then checkFrame conn frame else 0
        if not frame.Received then
            // The client went away in the middle of a frame: just end the connection
            alive <- false
        elif problem <> 0 then
            failConnection conn problem
            alive <- false
        elif frame.Opcode >= 0x8 then
            alive <- handleControl conn frame
        else
            let have = getState conn slotMessageLength
            if frame.Length > int64 (maxMessageSize - have) then
                // Too big to echo: refuse it before allocating anything (§7.4.1)
                failConnection conn closeMessageTooBig
                alive <- false
            elif frame.Length > int64 (capacity - have) then
                // Carry on in a larger buffer; the header is still buffered and is read again
                alive <- growAndReceive conn message capacity (have + int frame.Length) frame.Fin
                finished <- true
            else
                alive <- receiveData conn frame (NativePtr.add message have)
                if alive && frame.Fin then
                    alive <- finishMessage conn message
                    finished <- true
        if not alive then
            finished <- true
    alive

// Continues a message that outgrew its buffer in a region of its own: exactly the message's
// size when this frame is its last, else twice the space (up to the limit) so that a message of
// many fragments grows only a few times. The region is released when this function returns,
// that is once the message has been echoed.
and growAndReceive (conn: Connection) (message: nativeptr<byte>) (capacity: int) (needed: int) (isLast: bool) : bool =
    let doubled = if capacity > maxMessageSize / 2 then maxMessageSize else capacity * 2
    let size = if isLast || needed > doubled then needed else doubled
    let region = Region.create ((size + pageSize - 1) / pageSize)
    let bigger = Region.alloc<byte> region size
    let have = getState conn slotMessageLength
    if have > 0 then
        NativePtr.copy bigger message have
    receiveMessage conn bigger size

// =============================================================================================
// The echo loop (section 2.3) and the server (section 6.1)
// =============================================================================================

/// Echoes messages until the connection is over.
let echoLoop (conn: Connection) =
    let mutable running = true
    while running do
        running <- receiveMessage conn conn.Message smallMessageSize

/// Serves one client: opening handshake, echo loop, TCP close. All of the connection's buffers
/// live in one region, released when this function returns, so connection after connection the
/// server's memory stays the same.
let handleClient (client: int) =
    let region = Region.create connectionPages
    let conn =
        { Client = client
          State = Region.alloc<int> region stateSlots
          Buffer = Region.alloc<byte> region readBufferSize
          Message = Region.alloc<byte> region smallMessageSize
          Control = Region.alloc<byte> region maxControlPayload }

    // Read HTTP request
    let requestLength = readRequest conn
    if requestLength < 0 then
        writeString client (httpError "431 Request Header Fields Too Large" "") |> ignore
    elif requestLength > 0 then
        // Perform handshake, then echo
        let request = String.fromBytes conn.Buffer requestLength
        if handleUpgrade client request then
            echoLoop conn

    // After a close frame the server closes the TCP connection first (§7.1.1)
    Sys.close client |> ignore

[<EntryPoint>]
let main (argv: string[]) =
    let port = if Array.length argv > 0 then Parse.int argv.[0] else 8080
    // 0: serve connections, one after another, until stopped
    let connections = if Array.length argv > 1 then Parse.int argv.[1] else 0

    Console.writeln "=== WebSocket Echo Server ==="

    let sock = Sys.socket AF_INET SOCK_STREAM 0
    let listening =
        sock >= 0
        && Sys.bind sock (SockAddr.ipv4 "0.0.0.0" port) = 0
        && Sys.listen sock 128 = 0

    if not listening then
        Console.writeln ("Cannot listen on port " + Format.int port)
        if sock >= 0 then
            Sys.close sock |> ignore
        1
    else
        Console.writeln ("Listening on ws://localhost:" + Format.int port)
        let mutable served = 0
        let mutable accepting = true
        while accepting && (connections = 0 || served < connections) do
            let client = Sys.accept sock
            if client < 0 then
                Console.writeln "accept failed"
                accepting <- false
            else
                Console.writeln "Client connected"
                handleClient client
                served <- served + 1
        Sys.close sock |> ignore
        if accepting then 0 else 1
