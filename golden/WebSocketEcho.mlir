module {
  llvm.func @memmove(!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
  llvm.func @read(i32, !llvm.ptr, i64) -> i64
  llvm.func @write(i32, !llvm.ptr, i64) -> i64
  llvm.func @fidelity_string_to_lower(!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_string_index_of(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i32
  llvm.func @fidelity_string_substring(!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_string_trim(!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_string_equals(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
  llvm.func @fidelity_string_concat(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_crypto_sha1(!llvm.ptr, i64) -> !llvm.ptr
  llvm.func @fidelity_crypto_base64_encode(!llvm.ptr, i64) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_string_starts_with(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
  llvm.func @fidelity_string_contains(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
  llvm.func @fidelity_region_create(i32) -> !llvm.ptr
  llvm.func @fidelity_region_alloc(!llvm.ptr, i64, i64) -> !llvm.ptr
  llvm.func @fidelity_region_scope_exit(!llvm.ptr)
  llvm.func @fidelity_string_from_bytes(!llvm.ptr, i64) -> !llvm.struct<(ptr, i64)>
  llvm.func @close(i32) -> i32
  llvm.func @fidelity_args(i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_parse_int(!llvm.struct<(ptr, i64)>) -> i32
  llvm.func @fidelity_console_writeln(!llvm.struct<(ptr, i64)>)
  llvm.func @socket(i32, i32, i32) -> i32
  llvm.func @fidelity_sockaddr_ipv4(!llvm.struct<(ptr, i64)>, i32) -> !llvm.ptr
  llvm.func @bind(i32, !llvm.ptr, i32) -> i32
  llvm.func @listen(i32, i32) -> i32
  llvm.func @fidelity_format_int(i32) -> !llvm.struct<(ptr, i64)>
  llvm.func @accept(i32, !llvm.ptr, !llvm.ptr) -> i32
  llvm.mlir.global internal constant @str0(",") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str1("258EAFA5-E914-47DA-95CA-C5AB0DC85B11") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str2("HTTP/1.1 101 Switching Protocols\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str3("Upgrade: websocket\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str4("Connection: Upgrade\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str5("Sec-WebSocket-Accept: ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str6("\0D\0A\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str7("HTTP/1.1 ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str8("\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str9("Connection: close\0D\0AContent-Length: 0\0D\0A\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str10("") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str11(":") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str12("upgrade") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str13("connection") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str14("sec-websocket-key") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str15("sec-websocket-version") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str16("host") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str17("GET ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str18(" HTTP/1.1") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str19("websocket") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str20("400 Bad Request") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str21("13") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str22("426 Upgrade Required") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str23("Sec-WebSocket-Version: 13\0D\0A") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str24("431 Request Header Fields Too Large") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str25("=== WebSocket Echo Server ===") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str26("0.0.0.0") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str27("Cannot listen on port ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str28("Listening on ws://localhost:") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str29("accept failed") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str30("Client connected") {addr_space = 0 : i32}
  func.func @getState(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32) -> i32 {
    %0 = llvm.extractvalue %arg0[1] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %1 = llvm.getelementptr %0[%arg1] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    %2 = llvm.load %1 : !llvm.ptr -> i32
    func.return %2 : i32
  }
  func.func @setState(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32, %arg2: i32) {
    %0 = llvm.extractvalue %arg0[1] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %1 = llvm.getelementptr %0[%arg1] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    llvm.store %arg2, %1 : i32, !llvm.ptr
    func.return
  }
  func.func @fillBuffer(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %3 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %4 = arith.constant 0 : i32
    %5 = func.call @getState(%arg0, %4) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    llvm.store %5, %1 : i32, !llvm.ptr
    %6 = arith.constant 1 : i32
    %7 = func.call @getState(%arg0, %6) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    llvm.store %7, %2 : i32, !llvm.ptr
    %8 = llvm.load %2 : !llvm.ptr -> i32
    %9 = llvm.load %1 : !llvm.ptr -> i32
    %10 = arith.subi %8, %9 : i32
    %11 = arith.cmpi slt, %10, %arg1 : i32
    %12 = scf.if %11 -> (i1) {
      %13 = llvm.load %1 : !llvm.ptr -> i32
      %14 = arith.cmpi sgt, %13, %4 : i32
      scf.yield %14 : i1
    } else {
      %15 = arith.constant false
      scf.yield %15 : i1
    }
    scf.if %12 {
      %16 = llvm.load %2 : !llvm.ptr -> i32
      %17 = llvm.load %1 : !llvm.ptr -> i32
      %18 = arith.cmpi sgt, %16, %17 : i32
      scf.if %18 {
        %19 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %20 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %21 = llvm.load %1 : !llvm.ptr -> i32
        %22 = llvm.getelementptr %20[%21] : (!llvm.ptr, i32) -> !llvm.ptr, i8
        %23 = llvm.load %2 : !llvm.ptr -> i32
        %24 = llvm.load %1 : !llvm.ptr -> i32
        %25 = arith.subi %23, %24 : i32
        %26 = arith.extsi %25 : i32 to i64
        %27 = llvm.call @memmove(%19, %22, %26) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
        scf.yield
      }
      %28 = llvm.load %2 : !llvm.ptr -> i32
      %29 = llvm.load %1 : !llvm.ptr -> i32
      %30 = arith.subi %28, %29 : i32
      llvm.store %30, %2 : i32, !llvm.ptr
      llvm.store %4, %1 : i32, !llvm.ptr
      scf.yield
    }
    %31 = arith.constant true
    llvm.store %31, %3 : i1, !llvm.ptr
    scf.while : () -> () {
      %32 = llvm.load %3 : !llvm.ptr -> i1
      %33 = scf.if %32 -> (i1) {
        %34 = llvm.load %2 : !llvm.ptr -> i32
        %35 = llvm.load %1 : !llvm.ptr -> i32
        %36 = arith.subi %34, %35 : i32
        %37 = arith.cmpi slt, %36, %arg1 : i32
        scf.yield %37 : i1
      } else {
        %38 = arith.constant false
        scf.yield %38 : i1
      }
      scf.condition(%33)
    } do {
      %39 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %40 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %41 = llvm.load %2 : !llvm.ptr -> i32
      %42 = llvm.getelementptr %40[%41] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %43 = arith.constant 16384 : i32
      %44 = llvm.load %2 : !llvm.ptr -> i32
      %45 = arith.subi %43, %44 : i32
      %46 = arith.extsi %45 : i32 to i64
      %47 = llvm.call @read(%39, %42, %46) : (i32, !llvm.ptr, i64) -> i64
      %48 = arith.trunci %47 : i64 to i32
      %49 = arith.cmpi sgt, %48, %4 : i32
      scf.if %49 {
        %50 = llvm.load %2 : !llvm.ptr -> i32
        %51 = arith.addi %50, %48 : i32
        llvm.store %51, %2 : i32, !llvm.ptr
        scf.yield
      } else {
        %52 = arith.constant false
        llvm.store %52, %3 : i1, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %53 = llvm.load %1 : !llvm.ptr -> i32
    func.call @setState(%arg0, %4, %53) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
    %54 = llvm.load %2 : !llvm.ptr -> i32
    func.call @setState(%arg0, %6, %54) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
    %55 = llvm.load %3 : !llvm.ptr -> i1
    func.return %55 : i1
  }
  func.func @consume(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32) {
    %0 = arith.constant 0 : i32
    %1 = func.call @getState(%arg0, %0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %2 = arith.addi %1, %arg1 : i32
    %3 = arith.constant 1 : i32
    %4 = func.call @getState(%arg0, %3) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %5 = arith.cmpi eq, %2, %4 : i32
    scf.if %5 {
      func.call @setState(%arg0, %0, %0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      func.call @setState(%arg0, %3, %0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      scf.yield
    } else {
      func.call @setState(%arg0, %0, %2) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      scf.yield
    }
    func.return
  }
  func.func @readPayload(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.ptr, %arg2: i32) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %3 = arith.constant 0 : i32
    %4 = func.call @getState(%arg0, %3) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %5 = arith.constant 1 : i32
    %6 = func.call @getState(%arg0, %5) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %7 = arith.subi %6, %4 : i32
    %8 = arith.cmpi slt, %7, %arg2 : i32
    %9 = scf.if %8 -> (i32) {
      scf.yield %7 : i32
    } else {
      scf.yield %arg2 : i32
    }
    %10 = arith.cmpi sgt, %9, %3 : i32
    scf.if %10 {
      %11 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %12 = llvm.getelementptr %11[%4] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %13 = arith.extsi %9 : i32 to i64
      %14 = llvm.call @memmove(%arg1, %12, %13) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
      func.call @consume(%arg0, %9) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
      scf.yield
    }
    llvm.store %9, %1 : i32, !llvm.ptr
    %15 = arith.constant true
    llvm.store %15, %2 : i1, !llvm.ptr
    scf.while : () -> () {
      %16 = llvm.load %2 : !llvm.ptr -> i1
      %17 = scf.if %16 -> (i1) {
        %18 = llvm.load %1 : !llvm.ptr -> i32
        %19 = arith.cmpi slt, %18, %arg2 : i32
        scf.yield %19 : i1
      } else {
        %20 = arith.constant false
        scf.yield %20 : i1
      }
      scf.condition(%17)
    } do {
      %21 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %22 = llvm.load %1 : !llvm.ptr -> i32
      %23 = llvm.getelementptr %arg1[%22] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %24 = llvm.load %1 : !llvm.ptr -> i32
      %25 = arith.subi %arg2, %24 : i32
      %26 = arith.extsi %25 : i32 to i64
      %27 = llvm.call @read(%21, %23, %26) : (i32, !llvm.ptr, i64) -> i64
      %28 = arith.trunci %27 : i64 to i32
      %29 = arith.cmpi sgt, %28, %3 : i32
      scf.if %29 {
        %30 = llvm.load %1 : !llvm.ptr -> i32
        %31 = arith.addi %30, %28 : i32
        llvm.store %31, %1 : i32, !llvm.ptr
        scf.yield
      } else {
        %32 = arith.constant false
        llvm.store %32, %2 : i1, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %33 = llvm.load %2 : !llvm.ptr -> i1
    func.return %33 : i1
  }
  func.func @writeString(%arg0: i32, %arg1: !llvm.struct<(ptr, i64)>) -> i1 {
    %0 = llvm.extractvalue %arg1[0] : !llvm.struct<(ptr, i64)>
    %1 = llvm.extractvalue %arg1[1] : !llvm.struct<(ptr, i64)>
    %2 = arith.trunci %1 : i64 to i32
    %3 = arith.extsi %2 : i32 to i64
    %4 = llvm.call @write(%arg0, %0, %3) : (i32, !llvm.ptr, i64) -> i64
    %5 = arith.trunci %4 : i64 to i32
    %6 = llvm.extractvalue %arg1[1] : !llvm.struct<(ptr, i64)>
    %7 = arith.trunci %6 : i64 to i32
    %8 = arith.cmpi eq, %5, %7 : i32
    func.return %8 : i1
  }
  func.func @endsHeaders(%arg0: !llvm.ptr, %arg1: i32) -> i1 {
    %0 = llvm.getelementptr %arg0[%arg1] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %1 = llvm.load %0 : !llvm.ptr -> i8
    %2 = arith.constant 13 : i8
    %3 = arith.cmpi eq, %1, %2 : i8
    %4 = scf.if %3 -> (i1) {
      %5 = arith.constant 1 : i32
      %6 = arith.addi %arg1, %5 : i32
      %7 = llvm.getelementptr %arg0[%6] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %8 = llvm.load %7 : !llvm.ptr -> i8
      %9 = arith.constant 10 : i8
      %10 = arith.cmpi eq, %8, %9 : i8
      scf.yield %10 : i1
    } else {
      %11 = arith.constant false
      scf.yield %11 : i1
    }
    %12 = scf.if %4 -> (i1) {
      %13 = arith.constant 2 : i32
      %14 = arith.addi %arg1, %13 : i32
      %15 = llvm.getelementptr %arg0[%14] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %16 = llvm.load %15 : !llvm.ptr -> i8
      %17 = arith.cmpi eq, %16, %2 : i8
      scf.yield %17 : i1
    } else {
      %18 = arith.constant false
      scf.yield %18 : i1
    }
    %19 = scf.if %12 -> (i1) {
      %20 = arith.constant 3 : i32
      %21 = arith.addi %arg1, %20 : i32
      %22 = llvm.getelementptr %arg0[%21] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %23 = llvm.load %22 : !llvm.ptr -> i8
      %24 = arith.constant 10 : i8
      %25 = arith.cmpi eq, %23, %24 : i8
      scf.yield %25 : i1
    } else {
      %26 = arith.constant false
      scf.yield %26 : i1
    }
    func.return %19 : i1
  }
  func.func @readRequest(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>) -> i32 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %3 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %4 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %5 = arith.constant 0 : i32
    llvm.store %5, %1 : i32, !llvm.ptr
    llvm.store %5, %2 : i32, !llvm.ptr
    %6 = arith.constant true
    llvm.store %6, %3 : i1, !llvm.ptr
    scf.while : () -> () {
      %7 = llvm.load %3 : !llvm.ptr -> i1
      scf.condition(%7)
    } do {
      %8 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %9 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %10 = llvm.load %1 : !llvm.ptr -> i32
      %11 = llvm.getelementptr %9[%10] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %12 = arith.constant 8192 : i32
      %13 = llvm.load %1 : !llvm.ptr -> i32
      %14 = arith.subi %12, %13 : i32
      %15 = arith.extsi %14 : i32 to i64
      %16 = llvm.call @read(%8, %11, %15) : (i32, !llvm.ptr, i64) -> i64
      %17 = arith.trunci %16 : i64 to i32
      %18 = arith.cmpi sle, %17, %5 : i32
      scf.if %18 {
        %19 = arith.constant false
        llvm.store %19, %3 : i1, !llvm.ptr
        scf.yield
      } else {
        %20 = llvm.load %1 : !llvm.ptr -> i32
        %21 = arith.constant 3 : i32
        %22 = arith.cmpi sge, %20, %21 : i32
        %23 = scf.if %22 -> (i32) {
          %24 = llvm.load %1 : !llvm.ptr -> i32
          %25 = arith.subi %24, %21 : i32
          scf.yield %25 : i32
        } else {
          scf.yield %5 : i32
        }
        llvm.store %23, %4 : i32, !llvm.ptr
        %26 = llvm.load %1 : !llvm.ptr -> i32
        %27 = arith.addi %26, %17 : i32
        llvm.store %27, %1 : i32, !llvm.ptr
        scf.while : () -> () {
          %28 = llvm.load %2 : !llvm.ptr -> i32
          %29 = arith.cmpi eq, %28, %5 : i32
          %30 = scf.if %29 -> (i1) {
            %31 = llvm.load %4 : !llvm.ptr -> i32
            %32 = arith.addi %31, %21 : i32
            %33 = llvm.load %1 : !llvm.ptr -> i32
            %34 = arith.cmpi slt, %32, %33 : i32
            scf.yield %34 : i1
          } else {
            %35 = arith.constant false
            scf.yield %35 : i1
          }
          scf.condition(%30)
        } do {
          %36 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
          %37 = llvm.load %4 : !llvm.ptr -> i32
          %38 = func.call @endsHeaders(%36, %37) : (!llvm.ptr, i32) -> i1
          scf.if %38 {
            %39 = llvm.load %4 : !llvm.ptr -> i32
            %40 = arith.constant 4 : i32
            %41 = arith.addi %39, %40 : i32
            llvm.store %41, %2 : i32, !llvm.ptr
            scf.yield
          }
          %42 = llvm.load %4 : !llvm.ptr -> i32
          %43 = arith.constant 1 : i32
          %44 = arith.addi %42, %43 : i32
          llvm.store %44, %4 : i32, !llvm.ptr
          scf.yield
        }
        %45 = llvm.load %2 : !llvm.ptr -> i32
        %46 = arith.cmpi sgt, %45, %5 : i32
        scf.if %46 {
          %47 = arith.constant false
          llvm.store %47, %3 : i1, !llvm.ptr
          scf.yield
        } else {
          %48 = llvm.load %1 : !llvm.ptr -> i32
          %49 = arith.cmpi eq, %48, %12 : i32
          scf.if %49 {
            %50 = arith.constant -1 : i32
            llvm.store %50, %2 : i32, !llvm.ptr
            %51 = arith.constant false
            llvm.store %51, %3 : i1, !llvm.ptr
            scf.yield
          }
          scf.yield
        }
        scf.yield
      }
      scf.yield
    }
    %52 = llvm.load %2 : !llvm.ptr -> i32
    %53 = arith.cmpi sgt, %52, %5 : i32
    scf.if %53 {
      %54 = llvm.load %2 : !llvm.ptr -> i32
      func.call @setState(%arg0, %5, %54) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      %55 = arith.constant 1 : i32
      %56 = llvm.load %1 : !llvm.ptr -> i32
      func.call @setState(%arg0, %55, %56) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      scf.yield
    }
    %57 = llvm.load %2 : !llvm.ptr -> i32
    func.return %57 : i32
  }
  func.func @hasToken(%arg0: !llvm.struct<(ptr, i64)>, %arg1: !llvm.struct<(ptr, i64)>) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x !llvm.struct<(ptr, i64)> : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %3 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %4 = llvm.call @fidelity_string_to_lower(%arg0) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    llvm.store %4, %1 : !llvm.struct<(ptr, i64)>, !llvm.ptr
    %5 = arith.constant false
    llvm.store %5, %2 : i1, !llvm.ptr
    %6 = arith.constant true
    llvm.store %6, %3 : i1, !llvm.ptr
    scf.while : () -> () {
      %7 = llvm.load %3 : !llvm.ptr -> i1
      %8 = scf.if %7 -> (i1) {
        %9 = llvm.load %2 : !llvm.ptr -> i1
        %10 = arith.xori %9, %6 : i1
        scf.yield %10 : i1
      } else {
        scf.yield %5 : i1
      }
      scf.condition(%8)
    } do {
      %11 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %12 = llvm.mlir.addressof @str0 : !llvm.ptr
      %13 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %14 = llvm.insertvalue %12, %13[0] : !llvm.struct<(ptr, i64)>
      %15 = llvm.insertvalue %0, %14[1] : !llvm.struct<(ptr, i64)>
      %16 = llvm.call @fidelity_string_index_of(%11, %15) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i32
      %17 = arith.constant 0 : i32
      %18 = arith.cmpi slt, %16, %17 : i32
      %19 = scf.if %18 -> (!llvm.struct<(ptr, i64)>) {
        %20 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
        scf.yield %20 : !llvm.struct<(ptr, i64)>
      } else {
        %21 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
        %22 = llvm.call @fidelity_string_substring(%21, %17, %16) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
        scf.yield %22 : !llvm.struct<(ptr, i64)>
      }
      %23 = llvm.call @fidelity_string_trim(%19) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      %24 = llvm.call @fidelity_string_equals(%23, %arg1) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
      scf.if %24 {
        llvm.store %6, %2 : i1, !llvm.ptr
        scf.yield
      }
      %25 = arith.cmpi slt, %16, %17 : i32
      scf.if %25 {
        llvm.store %5, %3 : i1, !llvm.ptr
        scf.yield
      } else {
        %26 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
        %27 = arith.constant 1 : i32
        %28 = arith.addi %16, %27 : i32
        %29 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
        %30 = llvm.extractvalue %29[1] : !llvm.struct<(ptr, i64)>
        %31 = arith.trunci %30 : i64 to i32
        %32 = arith.subi %31, %16 : i32
        %33 = arith.subi %32, %27 : i32
        %34 = llvm.call @fidelity_string_substring(%26, %28, %33) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
        llvm.store %34, %1 : !llvm.struct<(ptr, i64)>, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %35 = llvm.load %2 : !llvm.ptr -> i1
    func.return %35 : i1
  }
  func.func @isBase64Char(%arg0: i8) -> i1 {
    %0 = arith.constant 65 : i8
    %1 = arith.cmpi uge, %arg0, %0 : i8
    %2 = scf.if %1 -> (i1) {
      %3 = arith.constant 90 : i8
      %4 = arith.cmpi ule, %arg0, %3 : i8
      scf.yield %4 : i1
    } else {
      %5 = arith.constant false
      scf.yield %5 : i1
    }
    %6 = scf.if %2 -> (i1) {
      %7 = arith.constant true
      scf.yield %7 : i1
    } else {
      %8 = arith.constant 97 : i8
      %9 = arith.cmpi uge, %arg0, %8 : i8
      %10 = scf.if %9 -> (i1) {
        %11 = arith.constant 122 : i8
        %12 = arith.cmpi ule, %arg0, %11 : i8
        scf.yield %12 : i1
      } else {
        %13 = arith.constant false
        scf.yield %13 : i1
      }
      scf.yield %10 : i1
    }
    %14 = scf.if %6 -> (i1) {
      %15 = arith.constant true
      scf.yield %15 : i1
    } else {
      %16 = arith.constant 48 : i8
      %17 = arith.cmpi uge, %arg0, %16 : i8
      %18 = scf.if %17 -> (i1) {
        %19 = arith.constant 57 : i8
        %20 = arith.cmpi ule, %arg0, %19 : i8
        scf.yield %20 : i1
      } else {
        %21 = arith.constant false
        scf.yield %21 : i1
      }
      scf.yield %18 : i1
    }
    %22 = scf.if %14 -> (i1) {
      %23 = arith.constant true
      scf.yield %23 : i1
    } else {
      %24 = arith.constant 43 : i8
      %25 = arith.cmpi eq, %arg0, %24 : i8
      scf.yield %25 : i1
    }
    %26 = scf.if %22 -> (i1) {
      %27 = arith.constant true
      scf.yield %27 : i1
    } else {
      %28 = arith.constant 47 : i8
      %29 = arith.cmpi eq, %arg0, %28 : i8
      scf.yield %29 : i1
    }
    func.return %26 : i1
  }
  func.func @isValidKey(%arg0: !llvm.struct<(ptr, i64)>) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %2 = llvm.extractvalue %arg0[1] : !llvm.struct<(ptr, i64)>
    %3 = arith.trunci %2 : i64 to i32
    %4 = arith.constant 24 : i32
    %5 = arith.cmpi ne, %3, %4 : i32
    %6 = scf.if %5 -> (i1) {
      %7 = arith.constant false
      scf.yield %7 : i1
    } else {
      %8 = llvm.extractvalue %arg0[0] : !llvm.struct<(ptr, i64)>
      %9 = llvm.getelementptr %8[22] : (!llvm.ptr) -> !llvm.ptr, i8
      %10 = llvm.load %9 : !llvm.ptr -> i8
      %11 = arith.constant 61 : i8
      %12 = arith.cmpi eq, %10, %11 : i8
      %13 = scf.if %12 -> (i1) {
        %14 = llvm.getelementptr %8[23] : (!llvm.ptr) -> !llvm.ptr, i8
        %15 = llvm.load %14 : !llvm.ptr -> i8
        %16 = arith.cmpi eq, %15, %11 : i8
        scf.yield %16 : i1
      } else {
        %17 = arith.constant false
        scf.yield %17 : i1
      }
      llvm.store %13, %1 : i1, !llvm.ptr
      %18 = arith.constant 0 : i32
      %19 = arith.constant 21 : i32
      %20 = scf.while (%arg1 = %18) : (i32) -> i32 {
        %21 = arith.cmpi sle, %arg1, %19 : i32
        scf.condition(%21) %arg1 : i32
      } do {
      ^bb0(%arg2: i32):
        %22 = llvm.getelementptr %8[%arg2] : (!llvm.ptr, i32) -> !llvm.ptr, i8
        %23 = llvm.load %22 : !llvm.ptr -> i8
        %24 = func.call @isBase64Char(%23) : (i8) -> i1
        %25 = arith.constant true
        %26 = arith.xori %24, %25 : i1
        scf.if %26 {
          %27 = arith.constant false
          llvm.store %27, %1 : i1, !llvm.ptr
          scf.yield
        }
        %28 = arith.constant 1 : i32
        %29 = arith.addi %arg2, %28 : i32
        scf.yield %29 : i32
      }
      %30 = llvm.load %1 : !llvm.ptr -> i1
      scf.yield %30 : i1
    }
    func.return %6 : i1
  }
  func.func @webSocketAcceptKey(%arg0: !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)> {
    %0 = llvm.mlir.addressof @str1 : !llvm.ptr
    %1 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %2 = llvm.insertvalue %0, %1[0] : !llvm.struct<(ptr, i64)>
    %3 = arith.constant 36 : i64
    %4 = llvm.insertvalue %3, %2[1] : !llvm.struct<(ptr, i64)>
    %5 = llvm.call @fidelity_string_concat(%arg0, %4) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %6 = llvm.extractvalue %5[0] : !llvm.struct<(ptr, i64)>
    %7 = llvm.extractvalue %5[1] : !llvm.struct<(ptr, i64)>
    %8 = arith.trunci %7 : i64 to i32
    %9 = arith.extsi %8 : i32 to i64
    %10 = llvm.call @fidelity_crypto_sha1(%6, %9) : (!llvm.ptr, i64) -> !llvm.ptr
    %11 = arith.constant 20 : i64
    %12 = llvm.call @fidelity_crypto_base64_encode(%10, %11) : (!llvm.ptr, i64) -> !llvm.struct<(ptr, i64)>
    func.return %12 : !llvm.struct<(ptr, i64)>
  }
  func.func @buildUpgradeResponse(%arg0: !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)> {
    %0 = llvm.mlir.addressof @str2 : !llvm.ptr
    %1 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %2 = llvm.insertvalue %0, %1[0] : !llvm.struct<(ptr, i64)>
    %3 = arith.constant 34 : i64
    %4 = llvm.insertvalue %3, %2[1] : !llvm.struct<(ptr, i64)>
    %5 = llvm.mlir.addressof @str3 : !llvm.ptr
    %6 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %7 = llvm.insertvalue %5, %6[0] : !llvm.struct<(ptr, i64)>
    %8 = arith.constant 20 : i64
    %9 = llvm.insertvalue %8, %7[1] : !llvm.struct<(ptr, i64)>
    %10 = llvm.call @fidelity_string_concat(%4, %9) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %11 = llvm.mlir.addressof @str4 : !llvm.ptr
    %12 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %13 = llvm.insertvalue %11, %12[0] : !llvm.struct<(ptr, i64)>
    %14 = arith.constant 21 : i64
    %15 = llvm.insertvalue %14, %13[1] : !llvm.struct<(ptr, i64)>
    %16 = llvm.call @fidelity_string_concat(%10, %15) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %17 = llvm.mlir.addressof @str5 : !llvm.ptr
    %18 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %19 = llvm.insertvalue %17, %18[0] : !llvm.struct<(ptr, i64)>
    %20 = arith.constant 22 : i64
    %21 = llvm.insertvalue %20, %19[1] : !llvm.struct<(ptr, i64)>
    %22 = llvm.call @fidelity_string_concat(%16, %21) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %23 = llvm.call @fidelity_string_concat(%22, %arg0) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %24 = llvm.mlir.addressof @str6 : !llvm.ptr
    %25 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %26 = llvm.insertvalue %24, %25[0] : !llvm.struct<(ptr, i64)>
    %27 = arith.constant 4 : i64
    %28 = llvm.insertvalue %27, %26[1] : !llvm.struct<(ptr, i64)>
    %29 = llvm.call @fidelity_string_concat(%23, %28) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    func.return %29 : !llvm.struct<(ptr, i64)>
  }
  func.func @httpError(%arg0: !llvm.struct<(ptr, i64)>, %arg1: !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)> {
    %0 = llvm.mlir.addressof @str7 : !llvm.ptr
    %1 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %2 = llvm.insertvalue %0, %1[0] : !llvm.struct<(ptr, i64)>
    %3 = arith.constant 9 : i64
    %4 = llvm.insertvalue %3, %2[1] : !llvm.struct<(ptr, i64)>
    %5 = llvm.call @fidelity_string_concat(%4, %arg0) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %6 = llvm.mlir.addressof @str8 : !llvm.ptr
    %7 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %8 = llvm.insertvalue %6, %7[0] : !llvm.struct<(ptr, i64)>
    %9 = arith.constant 2 : i64
    %10 = llvm.insertvalue %9, %8[1] : !llvm.struct<(ptr, i64)>
    %11 = llvm.call @fidelity_string_concat(%5, %10) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %12 = llvm.call @fidelity_string_concat(%11, %arg1) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %13 = llvm.mlir.addressof @str9 : !llvm.ptr
    %14 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %15 = llvm.insertvalue %13, %14[0] : !llvm.struct<(ptr, i64)>
    %16 = arith.constant 40 : i64
    %17 = llvm.insertvalue %16, %15[1] : !llvm.struct<(ptr, i64)>
    %18 = llvm.call @fidelity_string_concat(%12, %17) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    func.return %18 : !llvm.struct<(ptr, i64)>
  }
  func.func @handleUpgrade(%arg0: i32, %arg1: !llvm.struct<(ptr, i64)>) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x !llvm.struct<(ptr, i64)> : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x !llvm.struct<(ptr, i64)> : (i64) -> !llvm.ptr
    %3 = llvm.alloca %0 x !llvm.struct<(ptr, i64)> : (i64) -> !llvm.ptr
    %4 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %5 = llvm.alloca %0 x !llvm.struct<(ptr, i64)> : (i64) -> !llvm.ptr
    %6 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %7 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %8 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %9 = llvm.mlir.addressof @str8 : !llvm.ptr
    %10 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %11 = llvm.insertvalue %9, %10[0] : !llvm.struct<(ptr, i64)>
    %12 = arith.constant 2 : i64
    %13 = llvm.insertvalue %12, %11[1] : !llvm.struct<(ptr, i64)>
    %14 = llvm.call @fidelity_string_index_of(%arg1, %13) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i32
    %15 = arith.constant 0 : i32
    %16 = llvm.call @fidelity_string_substring(%arg1, %15, %14) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
    %17 = llvm.mlir.addressof @str10 : !llvm.ptr
    %18 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %19 = llvm.insertvalue %17, %18[0] : !llvm.struct<(ptr, i64)>
    %20 = arith.constant 0 : i64
    %21 = llvm.insertvalue %20, %19[1] : !llvm.struct<(ptr, i64)>
    llvm.store %21, %1 : !llvm.struct<(ptr, i64)>, !llvm.ptr
    %22 = llvm.mlir.addressof @str10 : !llvm.ptr
    %23 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %24 = llvm.insertvalue %22, %23[0] : !llvm.struct<(ptr, i64)>
    %25 = llvm.insertvalue %20, %24[1] : !llvm.struct<(ptr, i64)>
    llvm.store %25, %2 : !llvm.struct<(ptr, i64)>, !llvm.ptr
    %26 = llvm.mlir.addressof @str10 : !llvm.ptr
    %27 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %28 = llvm.insertvalue %26, %27[0] : !llvm.struct<(ptr, i64)>
    %29 = llvm.insertvalue %20, %28[1] : !llvm.struct<(ptr, i64)>
    llvm.store %29, %3 : !llvm.struct<(ptr, i64)>, !llvm.ptr
    llvm.store %15, %4 : i32, !llvm.ptr
    %30 = llvm.mlir.addressof @str10 : !llvm.ptr
    %31 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %32 = llvm.insertvalue %30, %31[0] : !llvm.struct<(ptr, i64)>
    %33 = llvm.insertvalue %20, %32[1] : !llvm.struct<(ptr, i64)>
    llvm.store %33, %5 : !llvm.struct<(ptr, i64)>, !llvm.ptr
    llvm.store %15, %6 : i32, !llvm.ptr
    %34 = arith.constant false
    llvm.store %34, %7 : i1, !llvm.ptr
    %35 = arith.constant 2 : i32
    %36 = arith.addi %14, %35 : i32
    llvm.store %36, %8 : i32, !llvm.ptr
    scf.while : () -> () {
      %37 = llvm.load %8 : !llvm.ptr -> i32
      %38 = llvm.extractvalue %arg1[1] : !llvm.struct<(ptr, i64)>
      %39 = arith.trunci %38 : i64 to i32
      %40 = arith.subi %39, %35 : i32
      %41 = arith.cmpi slt, %37, %40 : i32
      scf.condition(%41)
    } do {
      %42 = llvm.load %8 : !llvm.ptr -> i32
      %43 = llvm.extractvalue %arg1[1] : !llvm.struct<(ptr, i64)>
      %44 = arith.trunci %43 : i64 to i32
      %45 = llvm.load %8 : !llvm.ptr -> i32
      %46 = arith.subi %44, %45 : i32
      %47 = llvm.call @fidelity_string_substring(%arg1, %42, %46) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
      %48 = llvm.mlir.addressof @str8 : !llvm.ptr
      %49 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %50 = llvm.insertvalue %48, %49[0] : !llvm.struct<(ptr, i64)>
      %51 = llvm.insertvalue %12, %50[1] : !llvm.struct<(ptr, i64)>
      %52 = llvm.call @fidelity_string_index_of(%47, %51) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i32
      %53 = llvm.call @fidelity_string_substring(%47, %15, %52) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
      %54 = llvm.mlir.addressof @str11 : !llvm.ptr
      %55 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %56 = llvm.insertvalue %54, %55[0] : !llvm.struct<(ptr, i64)>
      %57 = llvm.insertvalue %0, %56[1] : !llvm.struct<(ptr, i64)>
      %58 = llvm.call @fidelity_string_index_of(%53, %57) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i32
      %59 = arith.cmpi sle, %58, %15 : i32
      scf.if %59 {
        %60 = arith.constant true
        llvm.store %60, %7 : i1, !llvm.ptr
        scf.yield
      } else {
        %61 = llvm.call @fidelity_string_substring(%53, %15, %58) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
        %62 = llvm.call @fidelity_string_trim(%61) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %63 = llvm.call @fidelity_string_to_lower(%62) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %64 = arith.constant 1 : i32
        %65 = arith.addi %58, %64 : i32
        %66 = arith.subi %52, %58 : i32
        %67 = arith.subi %66, %64 : i32
        %68 = llvm.call @fidelity_string_substring(%53, %65, %67) : (!llvm.struct<(ptr, i64)>, i32, i32) -> !llvm.struct<(ptr, i64)>
        %69 = llvm.call @fidelity_string_trim(%68) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %70 = llvm.mlir.addressof @str12 : !llvm.ptr
        %71 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
        %72 = llvm.insertvalue %70, %71[0] : !llvm.struct<(ptr, i64)>
        %73 = arith.constant 7 : i64
        %74 = llvm.insertvalue %73, %72[1] : !llvm.struct<(ptr, i64)>
        %75 = llvm.call @fidelity_string_equals(%63, %74) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
        scf.if %75 {
          llvm.store %69, %1 : !llvm.struct<(ptr, i64)>, !llvm.ptr
          scf.yield
        } else {
          %76 = llvm.mlir.addressof @str13 : !llvm.ptr
          %77 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
          %78 = llvm.insertvalue %76, %77[0] : !llvm.struct<(ptr, i64)>
          %79 = arith.constant 10 : i64
          %80 = llvm.insertvalue %79, %78[1] : !llvm.struct<(ptr, i64)>
          %81 = llvm.call @fidelity_string_equals(%63, %80) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
          scf.if %81 {
            llvm.store %69, %2 : !llvm.struct<(ptr, i64)>, !llvm.ptr
            scf.yield
          } else {
            %82 = llvm.mlir.addressof @str14 : !llvm.ptr
            %83 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
            %84 = llvm.insertvalue %82, %83[0] : !llvm.struct<(ptr, i64)>
            %85 = arith.constant 17 : i64
            %86 = llvm.insertvalue %85, %84[1] : !llvm.struct<(ptr, i64)>
            %87 = llvm.call @fidelity_string_equals(%63, %86) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
            scf.if %87 {
              llvm.store %69, %3 : !llvm.struct<(ptr, i64)>, !llvm.ptr
              %88 = llvm.load %4 : !llvm.ptr -> i32
              %89 = arith.addi %88, %64 : i32
              llvm.store %89, %4 : i32, !llvm.ptr
              scf.yield
            } else {
              %90 = llvm.mlir.addressof @str15 : !llvm.ptr
              %91 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
              %92 = llvm.insertvalue %90, %91[0] : !llvm.struct<(ptr, i64)>
              %93 = arith.constant 21 : i64
              %94 = llvm.insertvalue %93, %92[1] : !llvm.struct<(ptr, i64)>
              %95 = llvm.call @fidelity_string_equals(%63, %94) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
              scf.if %95 {
                llvm.store %69, %5 : !llvm.struct<(ptr, i64)>, !llvm.ptr
                scf.yield
              } else {
                %96 = llvm.mlir.addressof @str16 : !llvm.ptr
                %97 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
                %98 = llvm.insertvalue %96, %97[0] : !llvm.struct<(ptr, i64)>
                %99 = arith.constant 4 : i64
                %100 = llvm.insertvalue %99, %98[1] : !llvm.struct<(ptr, i64)>
                %101 = llvm.call @fidelity_string_equals(%63, %100) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
                scf.if %101 {
                  %102 = llvm.load %6 : !llvm.ptr -> i32
                  %103 = arith.addi %102, %64 : i32
                  llvm.store %103, %6 : i32, !llvm.ptr
                  scf.yield
                } else {
                  scf.yield
                }
                scf.yield
              }
              scf.yield
            }
            scf.yield
          }
          scf.yield
        }
        scf.yield
      }
      %104 = llvm.load %8 : !llvm.ptr -> i32
      %105 = arith.addi %104, %52 : i32
      %106 = arith.addi %105, %35 : i32
      llvm.store %106, %8 : i32, !llvm.ptr
      scf.yield
    }
    %107 = llvm.mlir.addressof @str17 : !llvm.ptr
    %108 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %109 = llvm.insertvalue %107, %108[0] : !llvm.struct<(ptr, i64)>
    %110 = arith.constant 4 : i64
    %111 = llvm.insertvalue %110, %109[1] : !llvm.struct<(ptr, i64)>
    %112 = llvm.call @fidelity_string_starts_with(%16, %111) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
    %113 = scf.if %112 -> (i1) {
      %114 = llvm.mlir.addressof @str18 : !llvm.ptr
      %115 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %116 = llvm.insertvalue %114, %115[0] : !llvm.struct<(ptr, i64)>
      %117 = arith.constant 9 : i64
      %118 = llvm.insertvalue %117, %116[1] : !llvm.struct<(ptr, i64)>
      %119 = llvm.call @fidelity_string_contains(%16, %118) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
      scf.yield %119 : i1
    } else {
      scf.yield %34 : i1
    }
    %120 = scf.if %113 -> (i1) {
      %121 = llvm.load %7 : !llvm.ptr -> i1
      %122 = arith.constant true
      %123 = arith.xori %121, %122 : i1
      scf.yield %123 : i1
    } else {
      scf.yield %34 : i1
    }
    %124 = scf.if %120 -> (i1) {
      %125 = llvm.load %6 : !llvm.ptr -> i32
      %126 = arith.constant 1 : i32
      %127 = arith.cmpi eq, %125, %126 : i32
      scf.yield %127 : i1
    } else {
      scf.yield %34 : i1
    }
    %128 = scf.if %124 -> (i1) {
      %129 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %130 = llvm.mlir.addressof @str19 : !llvm.ptr
      %131 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %132 = llvm.insertvalue %130, %131[0] : !llvm.struct<(ptr, i64)>
      %133 = arith.constant 9 : i64
      %134 = llvm.insertvalue %133, %132[1] : !llvm.struct<(ptr, i64)>
      %135 = func.call @hasToken(%129, %134) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
      scf.yield %135 : i1
    } else {
      scf.yield %34 : i1
    }
    %136 = scf.if %128 -> (i1) {
      %137 = llvm.load %2 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %138 = llvm.mlir.addressof @str12 : !llvm.ptr
      %139 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %140 = llvm.insertvalue %138, %139[0] : !llvm.struct<(ptr, i64)>
      %141 = arith.constant 7 : i64
      %142 = llvm.insertvalue %141, %140[1] : !llvm.struct<(ptr, i64)>
      %143 = func.call @hasToken(%137, %142) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
      scf.yield %143 : i1
    } else {
      scf.yield %34 : i1
    }
    %144 = arith.constant true
    %145 = arith.xori %136, %144 : i1
    %146 = scf.if %145 -> (i1) {
      scf.yield %144 : i1
    } else {
      %147 = llvm.load %4 : !llvm.ptr -> i32
      %148 = arith.constant 1 : i32
      %149 = arith.cmpi ne, %147, %148 : i32
      scf.yield %149 : i1
    }
    %150 = scf.if %146 -> (i1) {
      scf.yield %144 : i1
    } else {
      %151 = llvm.load %3 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %152 = func.call @isValidKey(%151) : (!llvm.struct<(ptr, i64)>) -> i1
      %153 = arith.xori %152, %144 : i1
      scf.yield %153 : i1
    }
    %154 = scf.if %150 -> (i1) {
      %155 = llvm.mlir.addressof @str20 : !llvm.ptr
      %156 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %157 = llvm.insertvalue %155, %156[0] : !llvm.struct<(ptr, i64)>
      %158 = arith.constant 15 : i64
      %159 = llvm.insertvalue %158, %157[1] : !llvm.struct<(ptr, i64)>
      %160 = llvm.mlir.addressof @str10 : !llvm.ptr
      %161 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %162 = llvm.insertvalue %160, %161[0] : !llvm.struct<(ptr, i64)>
      %163 = llvm.insertvalue %20, %162[1] : !llvm.struct<(ptr, i64)>
      %164 = func.call @httpError(%159, %163) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      %165 = func.call @writeString(%arg0, %164) : (i32, !llvm.struct<(ptr, i64)>) -> i1
      scf.yield %34 : i1
    } else {
      %166 = llvm.load %5 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %167 = llvm.mlir.addressof @str21 : !llvm.ptr
      %168 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %169 = llvm.insertvalue %167, %168[0] : !llvm.struct<(ptr, i64)>
      %170 = llvm.insertvalue %12, %169[1] : !llvm.struct<(ptr, i64)>
      %171 = llvm.call @fidelity_string_equals(%166, %170) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> i1
      %172 = arith.xori %171, %144 : i1
      %173 = scf.if %172 -> (i1) {
        %174 = llvm.mlir.addressof @str22 : !llvm.ptr
        %175 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
        %176 = llvm.insertvalue %174, %175[0] : !llvm.struct<(ptr, i64)>
        %177 = arith.constant 20 : i64
        %178 = llvm.insertvalue %177, %176[1] : !llvm.struct<(ptr, i64)>
        %179 = llvm.mlir.addressof @str23 : !llvm.ptr
        %180 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
        %181 = llvm.insertvalue %179, %180[0] : !llvm.struct<(ptr, i64)>
        %182 = arith.constant 27 : i64
        %183 = llvm.insertvalue %182, %181[1] : !llvm.struct<(ptr, i64)>
        %184 = func.call @httpError(%178, %183) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %185 = func.call @writeString(%arg0, %184) : (i32, !llvm.struct<(ptr, i64)>) -> i1
        scf.yield %34 : i1
      } else {
        %186 = llvm.load %3 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
        %187 = func.call @webSocketAcceptKey(%186) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %188 = func.call @buildUpgradeResponse(%187) : (!llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        %189 = func.call @writeString(%arg0, %188) : (i32, !llvm.struct<(ptr, i64)>) -> i1
        scf.yield %189 : i1
      }
      scf.yield %173 : i1
    }
    func.return %154 : i1
  }
  func.func @readBigEndian(%arg0: !llvm.ptr, %arg1: i32, %arg2: i32) -> i64 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i64 : (i64) -> !llvm.ptr
    %2 = arith.constant 0 : i64
    llvm.store %2, %1 : i64, !llvm.ptr
    %3 = arith.constant 0 : i32
    %4 = arith.constant 1 : i32
    %5 = arith.subi %arg2, %4 : i32
    %6 = scf.while (%arg3 = %3) : (i32) -> i32 {
      %7 = arith.cmpi sle, %arg3, %5 : i32
      scf.condition(%7) %arg3 : i32
    } do {
    ^bb0(%arg4: i32):
      %8 = llvm.load %1 : !llvm.ptr -> i64
      %9 = arith.constant 8 : i32
      %10 = arith.constant 63 : i32
      %11 = arith.andi %9, %10 : i32
      %12 = arith.extui %11 : i32 to i64
      %13 = arith.shli %8, %12 : i64
      %14 = arith.addi %arg1, %arg4 : i32
      %15 = llvm.getelementptr %arg0[%14] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %16 = llvm.load %15 : !llvm.ptr -> i8
      %17 = arith.extui %16 : i8 to i64
      %18 = arith.ori %13, %17 : i64
      llvm.store %18, %1 : i64, !llvm.ptr
      %19 = arith.addi %arg4, %4 : i32
      scf.yield %19 : i32
    }
    %20 = llvm.load %1 : !llvm.ptr -> i64
    func.return %20 : i64
  }
  func.func @headerLength(%arg0: i8) -> i32 {
    %0 = arith.constant 127 : i8
    %1 = arith.andi %arg0, %0 : i8
    %2 = arith.extui %1 : i8 to i32
    %3 = arith.constant 126 : i32
    %4 = arith.cmpi eq, %2, %3 : i32
    %5 = scf.if %4 -> (i32) {
      %6 = arith.constant 2 : i32
      scf.yield %6 : i32
    } else {
      %7 = arith.constant 127 : i32
      %8 = arith.cmpi eq, %2, %7 : i32
      %9 = scf.if %8 -> (i32) {
        %10 = arith.constant 8 : i32
        scf.yield %10 : i32
      } else {
        %11 = arith.constant 0 : i32
        scf.yield %11 : i32
      }
      scf.yield %9 : i32
    }
    %12 = arith.constant 0x80 : i8
    %13 = arith.andi %arg0, %12 : i8
    %14 = arith.constant 0 : i8
    %15 = arith.cmpi ne, %13, %14 : i8
    %16 = scf.if %15 -> (i32) {
      %17 = arith.constant 4 : i32
      scf.yield %17 : i32
    } else {
      %18 = arith.constant 0 : i32
      scf.yield %18 : i32
    }
    %19 = arith.constant 2 : i32
    %20 = arith.addi %19, %5 : i32
    %21 = arith.addi %20, %16 : i32
    func.return %21 : i32
  }
  func.func @parseFrame(%arg0: !llvm.ptr) -> !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)> {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i64 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %3 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %4 = llvm.getelementptr %arg0[0] : (!llvm.ptr) -> !llvm.ptr, i8
    %5 = llvm.load %4 : !llvm.ptr -> i8
    %6 = llvm.getelementptr %arg0[1] : (!llvm.ptr) -> !llvm.ptr, i8
    %7 = llvm.load %6 : !llvm.ptr -> i8
    %8 = arith.constant 15 : i8
    %9 = arith.andi %5, %8 : i8
    %10 = arith.constant 0x80 : i8
    %11 = arith.andi %7, %10 : i8
    %12 = arith.constant 0 : i8
    %13 = arith.cmpi ne, %11, %12 : i8
    %14 = arith.constant 127 : i8
    %15 = arith.andi %7, %14 : i8
    %16 = arith.extui %15 : i8 to i64
    llvm.store %16, %1 : i64, !llvm.ptr
    %17 = arith.constant 2 : i32
    llvm.store %17, %2 : i32, !llvm.ptr
    %18 = arith.constant 126 : i8
    %19 = arith.cmpi eq, %15, %18 : i8
    scf.if %19 {
      %20 = func.call @readBigEndian(%arg0, %17, %17) : (!llvm.ptr, i32, i32) -> i64
      llvm.store %20, %1 : i64, !llvm.ptr
      %21 = arith.constant 4 : i32
      llvm.store %21, %2 : i32, !llvm.ptr
      scf.yield
    } else {
      %22 = arith.cmpi eq, %15, %14 : i8
      scf.if %22 {
        %23 = arith.constant 8 : i32
        %24 = func.call @readBigEndian(%arg0, %17, %23) : (!llvm.ptr, i32, i32) -> i64
        llvm.store %24, %1 : i64, !llvm.ptr
        %25 = arith.constant 10 : i32
        llvm.store %25, %2 : i32, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %26 = arith.constant 0 : i32
    llvm.store %26, %3 : i32, !llvm.ptr
    scf.if %13 {
      %27 = llvm.load %2 : !llvm.ptr -> i32
      %28 = arith.constant 4 : i32
      %29 = func.call @readBigEndian(%arg0, %27, %28) : (!llvm.ptr, i32, i32) -> i64
      %30 = arith.trunci %29 : i64 to i32
      llvm.store %30, %3 : i32, !llvm.ptr
      %31 = llvm.load %2 : !llvm.ptr -> i32
      %32 = arith.addi %31, %28 : i32
      llvm.store %32, %2 : i32, !llvm.ptr
      scf.yield
    }
    %33 = llvm.mlir.undef : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %34 = arith.extui %9 : i8 to i32
    %35 = llvm.insertvalue %34, %33[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %36 = llvm.insertvalue %13, %35[1] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %37 = llvm.load %1 : !llvm.ptr -> i64
    %38 = llvm.insertvalue %37, %36[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %39 = llvm.load %3 : !llvm.ptr -> i32
    %40 = llvm.insertvalue %39, %38[3] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %41 = llvm.load %2 : !llvm.ptr -> i32
    %42 = llvm.getelementptr %arg0[%41] : (!llvm.ptr, i32) -> !llvm.ptr, i8
    %43 = llvm.insertvalue %42, %40[4] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %44 = arith.andi %5, %10 : i8
    %45 = arith.cmpi ne, %44, %12 : i8
    %46 = llvm.insertvalue %45, %43[5] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %47 = arith.constant 112 : i8
    %48 = arith.andi %5, %47 : i8
    %49 = arith.constant 4 : i32
    %50 = arith.constant 7 : i32
    %51 = arith.andi %49, %50 : i32
    %52 = arith.trunci %51 : i32 to i8
    %53 = arith.shrui %48, %52 : i8
    %54 = arith.extui %53 : i8 to i32
    %55 = llvm.insertvalue %54, %46[6] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %56 = llvm.load %2 : !llvm.ptr -> i32
    %57 = llvm.insertvalue %56, %55[7] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %58 = arith.constant true
    %59 = llvm.insertvalue %58, %57[8] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    func.return %59 : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
  }
  func.func @readFrame(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>) -> !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)> {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %2 = arith.constant 2 : i32
    %3 = func.call @fillBuffer(%arg0, %2) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i1
    llvm.store %3, %1 : i1, !llvm.ptr
    %4 = llvm.load %1 : !llvm.ptr -> i1
    scf.if %4 {
      %5 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %6 = arith.constant 0 : i32
      %7 = func.call @getState(%arg0, %6) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
      %8 = arith.constant 1 : i32
      %9 = arith.addi %7, %8 : i32
      %10 = llvm.getelementptr %5[%9] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %11 = llvm.load %10 : !llvm.ptr -> i8
      %12 = func.call @headerLength(%11) : (i8) -> i32
      %13 = func.call @fillBuffer(%arg0, %12) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i1
      llvm.store %13, %1 : i1, !llvm.ptr
      scf.yield
    }
    %14 = llvm.load %1 : !llvm.ptr -> i1
    %15 = scf.if %14 -> (!llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>) {
      %16 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %17 = arith.constant 0 : i32
      %18 = func.call @getState(%arg0, %17) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
      %19 = llvm.getelementptr %16[%18] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %20 = func.call @parseFrame(%19) : (!llvm.ptr) -> !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      scf.yield %20 : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    } else {
      %21 = llvm.mlir.undef : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %22 = arith.constant 0 : i32
      %23 = llvm.insertvalue %22, %21[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %24 = arith.constant false
      %25 = llvm.insertvalue %24, %23[1] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %26 = arith.constant 0 : i64
      %27 = llvm.insertvalue %26, %25[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %28 = llvm.insertvalue %22, %27[3] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %29 = llvm.extractvalue %arg0[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %30 = llvm.insertvalue %29, %28[4] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %31 = llvm.insertvalue %24, %30[5] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %32 = llvm.insertvalue %22, %31[6] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %33 = llvm.insertvalue %22, %32[7] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %34 = llvm.insertvalue %24, %33[8] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      scf.yield %34 : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    }
    func.return %15 : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
  }
  func.func @unmask(%arg0: !llvm.ptr, %arg1: i32, %arg2: i32) {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %2 = arith.constant 24 : i32
    %3 = arith.constant 31 : i32
    %4 = arith.andi %2, %3 : i32
    %5 = arith.shrui %arg2, %4 : i32
    %6 = arith.trunci %5 : i32 to i8
    %7 = arith.constant 16 : i32
    %8 = arith.andi %7, %3 : i32
    %9 = arith.shrui %arg2, %8 : i32
    %10 = arith.trunci %9 : i32 to i8
    %11 = arith.constant 8 : i32
    %12 = arith.andi %11, %3 : i32
    %13 = arith.shrui %arg2, %12 : i32
    %14 = arith.trunci %13 : i32 to i8
    %15 = arith.trunci %arg2 : i32 to i8
    %16 = arith.constant 0 : i32
    llvm.store %16, %1 : i32, !llvm.ptr
    scf.while : () -> () {
      %17 = llvm.load %1 : !llvm.ptr -> i32
      %18 = arith.constant 3 : i32
      %19 = arith.addi %17, %18 : i32
      %20 = arith.cmpi slt, %19, %arg1 : i32
      scf.condition(%20)
    } do {
      %21 = llvm.load %1 : !llvm.ptr -> i32
      %22 = llvm.load %1 : !llvm.ptr -> i32
      %23 = llvm.getelementptr %arg0[%22] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %24 = llvm.load %23 : !llvm.ptr -> i8
      %25 = arith.xori %24, %6 : i8
      %26 = llvm.getelementptr %arg0[%21] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %25, %26 : i8, !llvm.ptr
      %27 = llvm.load %1 : !llvm.ptr -> i32
      %28 = arith.constant 1 : i32
      %29 = arith.addi %27, %28 : i32
      %30 = llvm.load %1 : !llvm.ptr -> i32
      %31 = arith.addi %30, %28 : i32
      %32 = llvm.getelementptr %arg0[%31] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %33 = llvm.load %32 : !llvm.ptr -> i8
      %34 = arith.xori %33, %10 : i8
      %35 = llvm.getelementptr %arg0[%29] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %34, %35 : i8, !llvm.ptr
      %36 = llvm.load %1 : !llvm.ptr -> i32
      %37 = arith.constant 2 : i32
      %38 = arith.addi %36, %37 : i32
      %39 = llvm.load %1 : !llvm.ptr -> i32
      %40 = arith.addi %39, %37 : i32
      %41 = llvm.getelementptr %arg0[%40] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %42 = llvm.load %41 : !llvm.ptr -> i8
      %43 = arith.xori %42, %14 : i8
      %44 = llvm.getelementptr %arg0[%38] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %43, %44 : i8, !llvm.ptr
      %45 = llvm.load %1 : !llvm.ptr -> i32
      %46 = arith.constant 3 : i32
      %47 = arith.addi %45, %46 : i32
      %48 = llvm.load %1 : !llvm.ptr -> i32
      %49 = arith.addi %48, %46 : i32
      %50 = llvm.getelementptr %arg0[%49] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %51 = llvm.load %50 : !llvm.ptr -> i8
      %52 = arith.xori %51, %15 : i8
      %53 = llvm.getelementptr %arg0[%47] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %52, %53 : i8, !llvm.ptr
      %54 = llvm.load %1 : !llvm.ptr -> i32
      %55 = arith.constant 4 : i32
      %56 = arith.addi %54, %55 : i32
      llvm.store %56, %1 : i32, !llvm.ptr
      scf.yield
    }
    scf.while : () -> () {
      %57 = llvm.load %1 : !llvm.ptr -> i32
      %58 = arith.cmpi slt, %57, %arg1 : i32
      scf.condition(%58)
    } do {
      %59 = llvm.load %1 : !llvm.ptr -> i32
      %60 = arith.constant 4 : i32
      %61 = arith.remsi %59, %60 : i32
      %62 = arith.cmpi eq, %61, %16 : i32
      %63 = scf.if %62 -> (i8) {
        scf.yield %6 : i8
      } else {
        %64 = arith.constant 1 : i32
        %65 = arith.cmpi eq, %61, %64 : i32
        %66 = scf.if %65 -> (i8) {
          scf.yield %10 : i8
        } else {
          scf.yield %14 : i8
        }
        scf.yield %66 : i8
      }
      %67 = llvm.load %1 : !llvm.ptr -> i32
      %68 = llvm.load %1 : !llvm.ptr -> i32
      %69 = llvm.getelementptr %arg0[%68] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %70 = llvm.load %69 : !llvm.ptr -> i8
      %71 = arith.xori %70, %63 : i8
      %72 = llvm.getelementptr %arg0[%67] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      llvm.store %71, %72 : i8, !llvm.ptr
      %73 = llvm.load %1 : !llvm.ptr -> i32
      %74 = arith.constant 1 : i32
      %75 = arith.addi %73, %74 : i32
      llvm.store %75, %1 : i32, !llvm.ptr
      scf.yield
    }
    func.return
  }
  func.func @writeFrame(%arg0: i32, %arg1: i32, %arg2: !llvm.ptr, %arg3: i32) -> i1 {
    %0 = arith.constant 125 : i32
    %1 = arith.cmpi sle, %arg3, %0 : i32
    %2 = scf.if %1 -> (i32) {
      %3 = arith.constant 2 : i32
      scf.yield %3 : i32
    } else {
      %4 = arith.constant 65535 : i32
      %5 = arith.cmpi sle, %arg3, %4 : i32
      %6 = scf.if %5 -> (i32) {
        %7 = arith.constant 4 : i32
        scf.yield %7 : i32
      } else {
        %8 = arith.constant 10 : i32
        scf.yield %8 : i32
      }
      scf.yield %6 : i32
    }
    %9 = arith.constant 65536 : i32
    %10 = arith.cmpi sle, %arg3, %9 : i32
    %11 = scf.if %10 -> (i32) {
      %12 = arith.addi %2, %arg3 : i32
      scf.yield %12 : i32
    } else {
      scf.yield %2 : i32
    }
    %13 = arith.extsi %11 : i32 to i64
    %14 = llvm.alloca %13 x i8 : (i64) -> !llvm.ptr
    %15 = arith.constant 128 : i32
    %16 = arith.ori %15, %arg1 : i32
    %17 = arith.trunci %16 : i32 to i8
    %18 = llvm.getelementptr %14[0] : (!llvm.ptr) -> !llvm.ptr, i8
    llvm.store %17, %18 : i8, !llvm.ptr
    %19 = arith.cmpi sle, %arg3, %0 : i32
    scf.if %19 {
      %20 = arith.trunci %arg3 : i32 to i8
      %21 = llvm.getelementptr %14[1] : (!llvm.ptr) -> !llvm.ptr, i8
      llvm.store %20, %21 : i8, !llvm.ptr
      scf.yield
    } else {
      %22 = arith.constant 65535 : i32
      %23 = arith.cmpi sle, %arg3, %22 : i32
      scf.if %23 {
        %24 = arith.constant 126 : i8
        %25 = llvm.getelementptr %14[1] : (!llvm.ptr) -> !llvm.ptr, i8
        llvm.store %24, %25 : i8, !llvm.ptr
        %26 = arith.constant 8 : i32
        %27 = arith.constant 31 : i32
        %28 = arith.andi %26, %27 : i32
        %29 = arith.shrsi %arg3, %28 : i32
        %30 = arith.trunci %29 : i32 to i8
        %31 = llvm.getelementptr %14[2] : (!llvm.ptr) -> !llvm.ptr, i8
        llvm.store %30, %31 : i8, !llvm.ptr
        %32 = arith.trunci %arg3 : i32 to i8
        %33 = llvm.getelementptr %14[3] : (!llvm.ptr) -> !llvm.ptr, i8
        llvm.store %32, %33 : i8, !llvm.ptr
        scf.yield
      } else {
        %34 = arith.constant 127 : i8
        %35 = llvm.getelementptr %14[1] : (!llvm.ptr) -> !llvm.ptr, i8
        llvm.store %34, %35 : i8, !llvm.ptr
        %36 = arith.constant 0 : i32
        %37 = arith.constant 7 : i32
        %38 = scf.while (%arg4 = %36) : (i32) -> i32 {
          %39 = arith.cmpi sle, %arg4, %37 : i32
          scf.condition(%39) %arg4 : i32
        } do {
        ^bb0(%arg5: i32):
          %40 = arith.constant 2 : i32
          %41 = arith.addi %40, %arg5 : i32
          %42 = arith.extsi %arg3 : i32 to i64
          %43 = arith.constant 56 : i32
          %44 = arith.constant 8 : i32
          %45 = arith.muli %44, %arg5 : i32
          %46 = arith.subi %43, %45 : i32
          %47 = arith.constant 63 : i32
          %48 = arith.andi %46, %47 : i32
          %49 = arith.extui %48 : i32 to i64
          %50 = arith.shrsi %42, %49 : i64
          %51 = arith.trunci %50 : i64 to i8
          %52 = llvm.getelementptr %14[%41] : (!llvm.ptr, i32) -> !llvm.ptr, i8
          llvm.store %51, %52 : i8, !llvm.ptr
          %53 = arith.constant 1 : i32
          %54 = arith.addi %arg5, %53 : i32
          scf.yield %54 : i32
        }
        scf.yield
      }
      scf.yield
    }
    %55 = scf.if %10 -> (i1) {
      %56 = arith.constant 0 : i32
      %57 = arith.cmpi sgt, %arg3, %56 : i32
      scf.if %57 {
        %58 = llvm.getelementptr %14[%2] : (!llvm.ptr, i32) -> !llvm.ptr, i8
        %59 = arith.extsi %arg3 : i32 to i64
        %60 = llvm.call @memmove(%58, %arg2, %59) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
        scf.yield
      }
      %61 = arith.addi %2, %arg3 : i32
      %62 = arith.extsi %61 : i32 to i64
      %63 = llvm.call @write(%arg0, %14, %62) : (i32, !llvm.ptr, i64) -> i64
      %64 = arith.trunci %63 : i64 to i32
      %65 = arith.cmpi sge, %64, %56 : i32
      scf.yield %65 : i1
    } else {
      %66 = arith.extsi %2 : i32 to i64
      %67 = llvm.call @write(%arg0, %14, %66) : (i32, !llvm.ptr, i64) -> i64
      %68 = arith.trunci %67 : i64 to i32
      %69 = arith.constant 0 : i32
      %70 = arith.cmpi sge, %68, %69 : i32
      %71 = scf.if %70 -> (i1) {
        %72 = arith.extsi %arg3 : i32 to i64
        %73 = llvm.call @write(%arg0, %arg2, %72) : (i32, !llvm.ptr, i64) -> i64
        %74 = arith.trunci %73 : i64 to i32
        %75 = arith.cmpi sge, %74, %69 : i32
        scf.yield %75 : i1
      } else {
        %76 = arith.constant false
        scf.yield %76 : i1
      }
      scf.yield %71 : i1
    }
    func.return %55 : i1
  }
  func.func @sendCloseFrame(%arg0: i32, %arg1: i32) {
    %0 = arith.constant 2 : i64
    %1 = llvm.alloca %0 x i8 : (i64) -> !llvm.ptr
    %2 = arith.constant 0 : i32
    %3 = arith.cmpi eq, %arg1, %2 : i32
    scf.if %3 {
      %4 = arith.constant 8 : i32
      %5 = func.call @writeFrame(%arg0, %4, %1, %2) : (i32, i32, !llvm.ptr, i32) -> i1
      scf.yield
    } else {
      %6 = arith.constant 8 : i32
      %7 = arith.constant 31 : i32
      %8 = arith.andi %6, %7 : i32
      %9 = arith.shrsi %arg1, %8 : i32
      %10 = arith.trunci %9 : i32 to i8
      %11 = llvm.getelementptr %1[0] : (!llvm.ptr) -> !llvm.ptr, i8
      llvm.store %10, %11 : i8, !llvm.ptr
      %12 = arith.trunci %arg1 : i32 to i8
      %13 = llvm.getelementptr %1[1] : (!llvm.ptr) -> !llvm.ptr, i8
      llvm.store %12, %13 : i8, !llvm.ptr
      %14 = arith.constant 2 : i32
      %15 = func.call @writeFrame(%arg0, %6, %1, %14) : (i32, i32, !llvm.ptr, i32) -> i1
      scf.yield
    }
    func.return
  }
  func.func @failConnection(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32) {
    %0 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    func.call @sendCloseFrame(%0, %arg1) : (i32, i32) -> ()
    func.return
  }
  func.func @isContinuation(%arg0: i32) -> i1 {
    %0 = arith.constant 128 : i32
    %1 = arith.cmpi sge, %arg0, %0 : i32
    %2 = scf.if %1 -> (i1) {
      %3 = arith.constant 191 : i32
      %4 = arith.cmpi sle, %arg0, %3 : i32
      scf.yield %4 : i1
    } else {
      %5 = arith.constant false
      scf.yield %5 : i1
    }
    func.return %2 : i1
  }
  func.func @utf8Step(%arg0: i32, %arg1: i32) -> i32 {
    %0 = arith.constant 0 : i32
    %1 = arith.cmpi eq, %arg0, %0 : i32
    %2 = scf.if %1 -> (i32) {
      %3 = arith.constant 128 : i32
      %4 = arith.cmpi slt, %arg1, %3 : i32
      %5 = scf.if %4 -> (i32) {
        scf.yield %0 : i32
      } else {
        %6 = arith.constant 194 : i32
        %7 = arith.cmpi sge, %arg1, %6 : i32
        %8 = scf.if %7 -> (i1) {
          %9 = arith.constant 223 : i32
          %10 = arith.cmpi sle, %arg1, %9 : i32
          scf.yield %10 : i1
        } else {
          %11 = arith.constant false
          scf.yield %11 : i1
        }
        %12 = scf.if %8 -> (i32) {
          %13 = arith.constant 1 : i32
          scf.yield %13 : i32
        } else {
          %14 = arith.constant 224 : i32
          %15 = arith.cmpi eq, %arg1, %14 : i32
          %16 = scf.if %15 -> (i32) {
            %17 = arith.constant 4 : i32
            scf.yield %17 : i32
          } else {
            %18 = arith.constant 237 : i32
            %19 = arith.cmpi eq, %arg1, %18 : i32
            %20 = scf.if %19 -> (i32) {
              %21 = arith.constant 5 : i32
              scf.yield %21 : i32
            } else {
              %22 = arith.constant 225 : i32
              %23 = arith.cmpi sge, %arg1, %22 : i32
              %24 = scf.if %23 -> (i1) {
                %25 = arith.constant 239 : i32
                %26 = arith.cmpi sle, %arg1, %25 : i32
                scf.yield %26 : i1
              } else {
                %27 = arith.constant false
                scf.yield %27 : i1
              }
              %28 = scf.if %24 -> (i32) {
                %29 = arith.constant 2 : i32
                scf.yield %29 : i32
              } else {
                %30 = arith.constant 240 : i32
                %31 = arith.cmpi eq, %arg1, %30 : i32
                %32 = scf.if %31 -> (i32) {
                  %33 = arith.constant 6 : i32
                  scf.yield %33 : i32
                } else {
                  %34 = arith.constant 241 : i32
                  %35 = arith.cmpi sge, %arg1, %34 : i32
                  %36 = scf.if %35 -> (i1) {
                    %37 = arith.constant 243 : i32
                    %38 = arith.cmpi sle, %arg1, %37 : i32
                    scf.yield %38 : i1
                  } else {
                    %39 = arith.constant false
                    scf.yield %39 : i1
                  }
                  %40 = scf.if %36 -> (i32) {
                    %41 = arith.constant 3 : i32
                    scf.yield %41 : i32
                  } else {
                    %42 = arith.constant 244 : i32
                    %43 = arith.cmpi eq, %arg1, %42 : i32
                    %44 = scf.if %43 -> (i32) {
                      %45 = arith.constant 7 : i32
                      scf.yield %45 : i32
                    } else {
                      %46 = arith.constant 8 : i32
                      scf.yield %46 : i32
                    }
                    scf.yield %44 : i32
                  }
                  scf.yield %40 : i32
                }
                scf.yield %32 : i32
              }
              scf.yield %28 : i32
            }
            scf.yield %20 : i32
          }
          scf.yield %16 : i32
        }
        scf.yield %12 : i32
      }
      scf.yield %5 : i32
    } else {
      %47 = arith.constant 1 : i32
      %48 = arith.cmpi eq, %arg0, %47 : i32
      %49 = scf.if %48 -> (i32) {
        %50 = func.call @isContinuation(%arg1) : (i32) -> i1
        %51 = scf.if %50 -> (i32) {
          scf.yield %0 : i32
        } else {
          %52 = arith.constant 8 : i32
          scf.yield %52 : i32
        }
        scf.yield %51 : i32
      } else {
        %53 = arith.constant 2 : i32
        %54 = arith.cmpi eq, %arg0, %53 : i32
        %55 = scf.if %54 -> (i32) {
          %56 = func.call @isContinuation(%arg1) : (i32) -> i1
          %57 = scf.if %56 -> (i32) {
            scf.yield %47 : i32
          } else {
            %58 = arith.constant 8 : i32
            scf.yield %58 : i32
          }
          scf.yield %57 : i32
        } else {
          %59 = arith.constant 3 : i32
          %60 = arith.cmpi eq, %arg0, %59 : i32
          %61 = scf.if %60 -> (i32) {
            %62 = func.call @isContinuation(%arg1) : (i32) -> i1
            %63 = scf.if %62 -> (i32) {
              scf.yield %53 : i32
            } else {
              %64 = arith.constant 8 : i32
              scf.yield %64 : i32
            }
            scf.yield %63 : i32
          } else {
            %65 = arith.constant 4 : i32
            %66 = arith.cmpi eq, %arg0, %65 : i32
            %67 = scf.if %66 -> (i32) {
              %68 = arith.constant 160 : i32
              %69 = arith.cmpi sge, %arg1, %68 : i32
              %70 = scf.if %69 -> (i1) {
                %71 = arith.constant 191 : i32
                %72 = arith.cmpi sle, %arg1, %71 : i32
                scf.yield %72 : i1
              } else {
                %73 = arith.constant false
                scf.yield %73 : i1
              }
              %74 = scf.if %70 -> (i32) {
                scf.yield %47 : i32
              } else {
                %75 = arith.constant 8 : i32
                scf.yield %75 : i32
              }
              scf.yield %74 : i32
            } else {
              %76 = arith.constant 5 : i32
              %77 = arith.cmpi eq, %arg0, %76 : i32
              %78 = scf.if %77 -> (i32) {
                %79 = arith.constant 128 : i32
                %80 = arith.cmpi sge, %arg1, %79 : i32
                %81 = scf.if %80 -> (i1) {
                  %82 = arith.constant 159 : i32
                  %83 = arith.cmpi sle, %arg1, %82 : i32
                  scf.yield %83 : i1
                } else {
                  %84 = arith.constant false
                  scf.yield %84 : i1
                }
                %85 = scf.if %81 -> (i32) {
                  scf.yield %47 : i32
                } else {
                  %86 = arith.constant 8 : i32
                  scf.yield %86 : i32
                }
                scf.yield %85 : i32
              } else {
                %87 = arith.constant 6 : i32
                %88 = arith.cmpi eq, %arg0, %87 : i32
                %89 = scf.if %88 -> (i32) {
                  %90 = arith.constant 144 : i32
                  %91 = arith.cmpi sge, %arg1, %90 : i32
                  %92 = scf.if %91 -> (i1) {
                    %93 = arith.constant 191 : i32
                    %94 = arith.cmpi sle, %arg1, %93 : i32
                    scf.yield %94 : i1
                  } else {
                    %95 = arith.constant false
                    scf.yield %95 : i1
                  }
                  %96 = scf.if %92 -> (i32) {
                    scf.yield %53 : i32
                  } else {
                    %97 = arith.constant 8 : i32
                    scf.yield %97 : i32
                  }
                  scf.yield %96 : i32
                } else {
                  %98 = arith.constant 7 : i32
                  %99 = arith.cmpi eq, %arg0, %98 : i32
                  %100 = scf.if %99 -> (i32) {
                    %101 = arith.constant 128 : i32
                    %102 = arith.cmpi sge, %arg1, %101 : i32
                    %103 = scf.if %102 -> (i1) {
                      %104 = arith.constant 143 : i32
                      %105 = arith.cmpi sle, %arg1, %104 : i32
                      scf.yield %105 : i1
                    } else {
                      %106 = arith.constant false
                      scf.yield %106 : i1
                    }
                    %107 = scf.if %103 -> (i32) {
                      scf.yield %53 : i32
                    } else {
                      %108 = arith.constant 8 : i32
                      scf.yield %108 : i32
                    }
                    scf.yield %107 : i32
                  } else {
                    %109 = arith.constant 8 : i32
                    scf.yield %109 : i32
                  }
                  scf.yield %100 : i32
                }
                scf.yield %89 : i32
              }
              scf.yield %78 : i32
            }
            scf.yield %67 : i32
          }
          scf.yield %61 : i32
        }
        scf.yield %55 : i32
      }
      scf.yield %49 : i32
    }
    func.return %2 : i32
  }
  func.func @utf8Validate(%arg0: i32, %arg1: !llvm.ptr, %arg2: i32) -> i32 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr
    llvm.store %arg0, %1 : i32, !llvm.ptr
    %3 = arith.constant 0 : i32
    llvm.store %3, %2 : i32, !llvm.ptr
    scf.while : () -> () {
      %4 = llvm.load %2 : !llvm.ptr -> i32
      %5 = arith.cmpi slt, %4, %arg2 : i32
      %6 = scf.if %5 -> (i1) {
        %7 = llvm.load %1 : !llvm.ptr -> i32
        %8 = arith.constant 8 : i32
        %9 = arith.cmpi ne, %7, %8 : i32
        scf.yield %9 : i1
      } else {
        %10 = arith.constant false
        scf.yield %10 : i1
      }
      scf.condition(%6)
    } do {
      %11 = llvm.load %2 : !llvm.ptr -> i32
      %12 = llvm.getelementptr %arg1[%11] : (!llvm.ptr, i32) -> !llvm.ptr, i8
      %13 = llvm.load %12 : !llvm.ptr -> i8
      %14 = arith.extui %13 : i8 to i32
      %15 = llvm.load %1 : !llvm.ptr -> i32
      %16 = arith.cmpi eq, %15, %3 : i32
      %17 = scf.if %16 -> (i1) {
        %18 = arith.constant 128 : i32
        %19 = arith.cmpi slt, %14, %18 : i32
        scf.yield %19 : i1
      } else {
        %20 = arith.constant false
        scf.yield %20 : i1
      }
      %21 = arith.constant true
      %22 = arith.xori %17, %21 : i1
      scf.if %22 {
        %23 = llvm.load %1 : !llvm.ptr -> i32
        %24 = func.call @utf8Step(%23, %14) : (i32, i32) -> i32
        llvm.store %24, %1 : i32, !llvm.ptr
        scf.yield
      }
      %25 = llvm.load %2 : !llvm.ptr -> i32
      %26 = arith.constant 1 : i32
      %27 = arith.addi %25, %26 : i32
      llvm.store %27, %2 : i32, !llvm.ptr
      scf.yield
    }
    %28 = llvm.load %1 : !llvm.ptr -> i32
    func.return %28 : i32
  }
  func.func @checkFrame(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>) -> i32 {
    %0 = arith.constant 2 : i32
    %1 = func.call @getState(%arg0, %0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %2 = arith.constant 0 : i32
    %3 = arith.cmpi ne, %1, %2 : i32
    %4 = llvm.extractvalue %arg1[6] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %5 = arith.cmpi ne, %4, %2 : i32
    %6 = scf.if %5 -> (i32) {
      %7 = arith.constant 1002 : i32
      scf.yield %7 : i32
    } else {
      %8 = llvm.extractvalue %arg1[1] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %9 = arith.constant true
      %10 = arith.xori %8, %9 : i1
      %11 = scf.if %10 -> (i32) {
        %12 = arith.constant 1002 : i32
        scf.yield %12 : i32
      } else {
        %13 = llvm.extractvalue %arg1[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
        %14 = arith.constant 0 : i64
        %15 = arith.cmpi slt, %13, %14 : i64
        %16 = scf.if %15 -> (i32) {
          %17 = arith.constant 1002 : i32
          scf.yield %17 : i32
        } else {
          %18 = llvm.extractvalue %arg1[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
          %19 = arith.cmpi eq, %18, %2 : i32
          %20 = scf.if %19 -> (i32) {
            %21 = scf.if %3 -> (i32) {
              scf.yield %2 : i32
            } else {
              %22 = arith.constant 1002 : i32
              scf.yield %22 : i32
            }
            scf.yield %21 : i32
          } else {
            %23 = arith.constant 1 : i32
            %24 = arith.cmpi eq, %18, %23 : i32
            %25 = arith.cmpi eq, %18, %0 : i32
            %26 = arith.ori %24, %25 : i1
            %27 = scf.if %26 -> (i32) {
              %28 = scf.if %3 -> (i32) {
                %29 = arith.constant 1002 : i32
                scf.yield %29 : i32
              } else {
                scf.yield %2 : i32
              }
              scf.yield %28 : i32
            } else {
              %30 = arith.constant 8 : i32
              %31 = arith.cmpi eq, %18, %30 : i32
              %32 = arith.constant 9 : i32
              %33 = arith.cmpi eq, %18, %32 : i32
              %34 = arith.constant 10 : i32
              %35 = arith.cmpi eq, %18, %34 : i32
              %36 = arith.ori %31, %33 : i1
              %37 = arith.ori %36, %35 : i1
              %38 = scf.if %37 -> (i32) {
                %39 = llvm.extractvalue %arg1[5] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
                %40 = arith.xori %39, %9 : i1
                %41 = scf.if %40 -> (i1) {
                  scf.yield %9 : i1
                } else {
                  %42 = llvm.extractvalue %arg1[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
                  %43 = arith.constant 125 : i64
                  %44 = arith.cmpi sgt, %42, %43 : i64
                  scf.yield %44 : i1
                }
                %45 = scf.if %41 -> (i32) {
                  %46 = arith.constant 1002 : i32
                  scf.yield %46 : i32
                } else {
                  scf.yield %2 : i32
                }
                scf.yield %45 : i32
              } else {
                %47 = arith.constant 1002 : i32
                scf.yield %47 : i32
              }
              scf.yield %38 : i32
            }
            scf.yield %27 : i32
          }
          scf.yield %20 : i32
        }
        scf.yield %16 : i32
      }
      scf.yield %11 : i32
    }
    func.return %6 : i32
  }
  func.func @isValidCloseCode(%arg0: i32) -> i1 {
    %0 = arith.constant 1000 : i32
    %1 = arith.cmpi sge, %arg0, %0 : i32
    %2 = scf.if %1 -> (i1) {
      %3 = arith.constant 1003 : i32
      %4 = arith.cmpi sle, %arg0, %3 : i32
      scf.yield %4 : i1
    } else {
      %5 = arith.constant false
      scf.yield %5 : i1
    }
    %6 = scf.if %2 -> (i1) {
      %7 = arith.constant true
      scf.yield %7 : i1
    } else {
      %8 = arith.constant 1007 : i32
      %9 = arith.cmpi sge, %arg0, %8 : i32
      %10 = scf.if %9 -> (i1) {
        %11 = arith.constant 1014 : i32
        %12 = arith.cmpi sle, %arg0, %11 : i32
        scf.yield %12 : i1
      } else {
        %13 = arith.constant false
        scf.yield %13 : i1
      }
      scf.yield %10 : i1
    }
    %14 = scf.if %6 -> (i1) {
      %15 = arith.constant true
      scf.yield %15 : i1
    } else {
      %16 = arith.constant 3000 : i32
      %17 = arith.cmpi sge, %arg0, %16 : i32
      %18 = scf.if %17 -> (i1) {
        %19 = arith.constant 4999 : i32
        %20 = arith.cmpi sle, %arg0, %19 : i32
        scf.yield %20 : i1
      } else {
        %21 = arith.constant false
        scf.yield %21 : i1
      }
      scf.yield %18 : i1
    }
    func.return %14 : i1
  }
  func.func @handleClose(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: i32) {
    %0 = arith.constant 0 : i32
    %1 = arith.cmpi eq, %arg1, %0 : i32
    scf.if %1 {
      %2 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      func.call @sendCloseFrame(%2, %0) : (i32, i32) -> ()
      scf.yield
    } else {
      %3 = arith.constant 1 : i32
      %4 = arith.cmpi eq, %arg1, %3 : i32
      scf.if %4 {
        %5 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %6 = arith.constant 1002 : i32
        func.call @sendCloseFrame(%5, %6) : (i32, i32) -> ()
        scf.yield
      } else {
        %7 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %8 = llvm.getelementptr %7[0] : (!llvm.ptr) -> !llvm.ptr, i8
        %9 = llvm.load %8 : !llvm.ptr -> i8
        %10 = arith.extui %9 : i8 to i32
        %11 = arith.constant 8 : i32
        %12 = arith.constant 31 : i32
        %13 = arith.andi %11, %12 : i32
        %14 = arith.shli %10, %13 : i32
        %15 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %16 = llvm.getelementptr %15[1] : (!llvm.ptr) -> !llvm.ptr, i8
        %17 = llvm.load %16 : !llvm.ptr -> i8
        %18 = arith.extui %17 : i8 to i32
        %19 = arith.ori %14, %18 : i32
        %20 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %21 = llvm.getelementptr %20[2] : (!llvm.ptr) -> !llvm.ptr, i8
        %22 = arith.constant 2 : i32
        %23 = arith.subi %arg1, %22 : i32
        %24 = func.call @utf8Validate(%0, %21, %23) : (i32, !llvm.ptr, i32) -> i32
        %25 = func.call @isValidCloseCode(%19) : (i32) -> i1
        %26 = scf.if %25 -> (i1) {
          %27 = arith.cmpi eq, %24, %0 : i32
          scf.yield %27 : i1
        } else {
          %28 = arith.constant false
          scf.yield %28 : i1
        }
        scf.if %26 {
          %29 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
          func.call @sendCloseFrame(%29, %19) : (i32, i32) -> ()
          scf.yield
        } else {
          %30 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
          %31 = arith.constant 1002 : i32
          func.call @sendCloseFrame(%30, %31) : (i32, i32) -> ()
          scf.yield
        }
        scf.yield
      }
      scf.yield
    }
    func.return
  }
  func.func @handleControl(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>) -> i1 {
    %0 = llvm.extractvalue %arg1[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %1 = arith.trunci %0 : i64 to i32
    %2 = llvm.extractvalue %arg1[7] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    func.call @consume(%arg0, %2) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
    %3 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %4 = func.call @readPayload(%arg0, %3, %1) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr, i32) -> i1
    %5 = arith.constant true
    %6 = arith.xori %4, %5 : i1
    %7 = scf.if %6 -> (i1) {
      %8 = arith.constant false
      scf.yield %8 : i1
    } else {
      %9 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %10 = llvm.extractvalue %arg1[3] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      func.call @unmask(%9, %1, %10) : (!llvm.ptr, i32, i32) -> ()
      %11 = llvm.extractvalue %arg1[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %12 = arith.constant 9 : i32
      %13 = arith.cmpi eq, %11, %12 : i32
      %14 = scf.if %13 -> (i1) {
        %15 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %16 = arith.constant 10 : i32
        %17 = llvm.extractvalue %arg0[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %18 = func.call @writeFrame(%15, %16, %17, %1) : (i32, i32, !llvm.ptr, i32) -> i1
        scf.yield %18 : i1
      } else {
        %19 = arith.constant 10 : i32
        %20 = arith.cmpi eq, %11, %19 : i32
        %21 = scf.if %20 -> (i1) {
          scf.yield %5 : i1
        } else {
          func.call @handleClose(%arg0, %1) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
          %22 = arith.constant false
          scf.yield %22 : i1
        }
        scf.yield %21 : i1
      }
      scf.yield %14 : i1
    }
    func.return %7 : i1
  }
  func.func @receiveData(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>, %arg2: !llvm.ptr) -> i1 {
    %0 = llvm.extractvalue %arg1[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %1 = arith.trunci %0 : i64 to i32
    %2 = llvm.extractvalue %arg1[7] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    func.call @consume(%arg0, %2) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
    %3 = llvm.extractvalue %arg1[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
    %4 = arith.constant 0 : i32
    %5 = arith.cmpi ne, %3, %4 : i32
    scf.if %5 {
      %6 = arith.constant 2 : i32
      %7 = llvm.extractvalue %arg1[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      func.call @setState(%arg0, %6, %7) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      %8 = arith.constant 4 : i32
      func.call @setState(%arg0, %8, %4) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      scf.yield
    }
    %9 = func.call @readPayload(%arg0, %arg2, %1) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr, i32) -> i1
    %10 = arith.constant true
    %11 = arith.xori %9, %10 : i1
    %12 = scf.if %11 -> (i1) {
      %13 = arith.constant false
      scf.yield %13 : i1
    } else {
      %14 = llvm.extractvalue %arg1[3] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      func.call @unmask(%arg2, %1, %14) : (!llvm.ptr, i32, i32) -> ()
      %15 = arith.constant 3 : i32
      %16 = func.call @getState(%arg0, %15) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
      %17 = arith.addi %16, %1 : i32
      func.call @setState(%arg0, %15, %17) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
      %18 = arith.constant 2 : i32
      %19 = func.call @getState(%arg0, %18) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
      %20 = arith.constant 1 : i32
      %21 = arith.cmpi eq, %19, %20 : i32
      %22 = scf.if %21 -> (i1) {
        %23 = arith.constant 4 : i32
        %24 = func.call @getState(%arg0, %23) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
        %25 = func.call @utf8Validate(%24, %arg2, %1) : (i32, !llvm.ptr, i32) -> i32
        func.call @setState(%arg0, %23, %25) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
        %26 = arith.constant 8 : i32
        %27 = arith.cmpi eq, %25, %26 : i32
        %28 = scf.if %27 -> (i1) {
          %29 = arith.constant 1007 : i32
          func.call @failConnection(%arg0, %29) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
          %30 = arith.constant false
          scf.yield %30 : i1
        } else {
          scf.yield %10 : i1
        }
        scf.yield %28 : i1
      } else {
        scf.yield %10 : i1
      }
      scf.yield %22 : i1
    }
    func.return %12 : i1
  }
  func.func @finishMessage(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.ptr) -> i1 {
    %0 = arith.constant 2 : i32
    %1 = func.call @getState(%arg0, %0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %2 = arith.constant 3 : i32
    %3 = func.call @getState(%arg0, %2) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %4 = arith.constant 0 : i32
    func.call @setState(%arg0, %0, %4) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
    func.call @setState(%arg0, %2, %4) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32, i32) -> ()
    %5 = arith.constant 1 : i32
    %6 = arith.cmpi eq, %1, %5 : i32
    %7 = scf.if %6 -> (i1) {
      %8 = arith.constant 4 : i32
      %9 = func.call @getState(%arg0, %8) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
      %10 = arith.cmpi ne, %9, %4 : i32
      scf.yield %10 : i1
    } else {
      %11 = arith.constant false
      scf.yield %11 : i1
    }
    %12 = scf.if %7 -> (i1) {
      %13 = arith.constant 1007 : i32
      func.call @failConnection(%arg0, %13) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
      %14 = arith.constant false
      scf.yield %14 : i1
    } else {
      %15 = llvm.extractvalue %arg0[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %16 = func.call @writeFrame(%15, %1, %arg1, %3) : (i32, i32, !llvm.ptr, i32) -> i1
      scf.yield %16 : i1
    }
    func.return %12 : i1
  }
  func.func @receiveMessage(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.ptr, %arg2: i32) -> i1 {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %2 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %3 = arith.constant true
    llvm.store %3, %1 : i1, !llvm.ptr
    %4 = arith.constant false
    llvm.store %4, %2 : i1, !llvm.ptr
    scf.while : () -> () {
      %5 = llvm.load %2 : !llvm.ptr -> i1
      %6 = arith.xori %5, %3 : i1
      scf.condition(%6)
    } do {
      %7 = func.call @readFrame(%arg0) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>) -> !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %8 = llvm.extractvalue %7[8] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %9 = scf.if %8 -> (i32) {
        %10 = func.call @checkFrame(%arg0, %7) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>) -> i32
        scf.yield %10 : i32
      } else {
        %11 = arith.constant 0 : i32
        scf.yield %11 : i32
      }
      %12 = llvm.extractvalue %7[8] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
      %13 = arith.xori %12, %3 : i1
      scf.if %13 {
        llvm.store %4, %1 : i1, !llvm.ptr
        scf.yield
      } else {
        %14 = arith.constant 0 : i32
        %15 = arith.cmpi ne, %9, %14 : i32
        scf.if %15 {
          func.call @failConnection(%arg0, %9) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
          llvm.store %4, %1 : i1, !llvm.ptr
          scf.yield
        } else {
          %16 = llvm.extractvalue %7[0] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
          %17 = arith.constant 8 : i32
          %18 = arith.cmpi sge, %16, %17 : i32
          scf.if %18 {
            %19 = func.call @handleControl(%arg0, %7) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>) -> i1
            llvm.store %19, %1 : i1, !llvm.ptr
            scf.yield
          } else {
            %20 = arith.constant 3 : i32
            %21 = func.call @getState(%arg0, %20) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
            %22 = llvm.extractvalue %7[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
            %23 = arith.constant 16 : i32
            %24 = arith.constant 1024 : i32
            %25 = arith.muli %23, %24 : i32
            %26 = arith.muli %25, %24 : i32
            %27 = arith.subi %26, %21 : i32
            %28 = arith.extsi %27 : i32 to i64
            %29 = arith.cmpi sgt, %22, %28 : i64
            scf.if %29 {
              %30 = arith.constant 1009 : i32
              func.call @failConnection(%arg0, %30) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> ()
              llvm.store %4, %1 : i1, !llvm.ptr
              scf.yield
            } else {
              %31 = llvm.extractvalue %7[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
              %32 = arith.subi %arg2, %21 : i32
              %33 = arith.extsi %32 : i32 to i64
              %34 = arith.cmpi sgt, %31, %33 : i64
              scf.if %34 {
                %35 = llvm.extractvalue %7[2] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
                %36 = arith.trunci %35 : i64 to i32
                %37 = arith.addi %21, %36 : i32
                %38 = llvm.extractvalue %7[5] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
                %39 = func.call @growAndReceive(%arg0, %arg1, %arg2, %37, %38) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr, i32, i32, i1) -> i1
                llvm.store %39, %1 : i1, !llvm.ptr
                llvm.store %3, %2 : i1, !llvm.ptr
                scf.yield
              } else {
                %40 = llvm.getelementptr %arg1[%21] : (!llvm.ptr, i32) -> !llvm.ptr, i8
                %41 = func.call @receiveData(%arg0, %7, %40) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>, !llvm.ptr) -> i1
                llvm.store %41, %1 : i1, !llvm.ptr
                %42 = llvm.load %1 : !llvm.ptr -> i1
                %43 = scf.if %42 -> (i1) {
                  %44 = llvm.extractvalue %7[5] : !llvm.struct<(i32, i1, i64, i32, ptr, i1, i32, i32, i1)>
                  scf.yield %44 : i1
                } else {
                  scf.yield %4 : i1
                }
                scf.if %43 {
                  %45 = func.call @finishMessage(%arg0, %arg1) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr) -> i1
                  llvm.store %45, %1 : i1, !llvm.ptr
                  llvm.store %3, %2 : i1, !llvm.ptr
                  scf.yield
                }
                scf.yield
              }
              scf.yield
            }
            scf.yield
          }
          scf.yield
        }
        scf.yield
      }
      %46 = llvm.load %1 : !llvm.ptr -> i1
      %47 = arith.xori %46, %3 : i1
      scf.if %47 {
        llvm.store %3, %2 : i1, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %48 = llvm.load %1 : !llvm.ptr -> i1
    func.return %48 : i1
  }
  func.func @growAndReceive(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>, %arg1: !llvm.ptr, %arg2: i32, %arg3: i32, %arg4: i1) -> i1 {
    %0 = arith.constant 16 : i32
    %1 = arith.constant 1024 : i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.muli %2, %1 : i32
    %4 = arith.constant 2 : i32
    %5 = arith.divsi %3, %4 : i32
    %6 = arith.cmpi sgt, %arg2, %5 : i32
    %7 = scf.if %6 -> (i32) {
      %8 = arith.muli %0, %1 : i32
      %9 = arith.muli %8, %1 : i32
      scf.yield %9 : i32
    } else {
      %10 = arith.muli %arg2, %4 : i32
      scf.yield %10 : i32
    }
    %11 = scf.if %arg4 -> (i1) {
      %12 = arith.constant true
      scf.yield %12 : i1
    } else {
      %13 = arith.cmpi sgt, %arg3, %7 : i32
      scf.yield %13 : i1
    }
    %14 = scf.if %11 -> (i32) {
      scf.yield %arg3 : i32
    } else {
      scf.yield %7 : i32
    }
    %15 = arith.constant 4096 : i32
    %16 = arith.addi %14, %15 : i32
    %17 = arith.constant 1 : i32
    %18 = arith.subi %16, %17 : i32
    %19 = arith.divsi %18, %15 : i32
    %20 = llvm.call @fidelity_region_create(%19) : (i32) -> !llvm.ptr
    %21 = arith.extsi %14 : i32 to i64
    %22 = arith.constant 1 : i64
    %23 = llvm.call @fidelity_region_alloc(%20, %21, %22) : (!llvm.ptr, i64, i64) -> !llvm.ptr
    %24 = arith.constant 3 : i32
    %25 = func.call @getState(%arg0, %24) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, i32) -> i32
    %26 = arith.constant 0 : i32
    %27 = arith.cmpi sgt, %25, %26 : i32
    scf.if %27 {
      %28 = arith.extsi %25 : i32 to i64
      %29 = llvm.call @memmove(%23, %arg1, %28) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
      scf.yield
    }
    %30 = func.call @receiveMessage(%arg0, %23, %14) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr, i32) -> i1
    llvm.call @fidelity_region_scope_exit(%20) : (!llvm.ptr) -> ()
    func.return %30 : i1
  }
  func.func @echoLoop(%arg0: !llvm.struct<(i32, ptr, ptr, ptr, ptr)>) {
    %0 = arith.constant 1 : i64
    %1 = llvm.alloca %0 x i1 : (i64) -> !llvm.ptr
    %2 = arith.constant true
    llvm.store %2, %1 : i1, !llvm.ptr
    scf.while : () -> () {
      %3 = llvm.load %1 : !llvm.ptr -> i1
      scf.condition(%3)
    } do {
      %4 = llvm.extractvalue %arg0[3] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
      %5 = arith.constant 65536 : i32
      %6 = func.call @receiveMessage(%arg0, %4, %5) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>, !llvm.ptr, i32) -> i1
      llvm.store %6, %1 : i1, !llvm.ptr
      scf.yield
    }
    func.return
  }
  func.func @handleClient(%arg0: i32) {
    %0 = arith.constant 64 : i32
    %1 = arith.constant 16384 : i32
    %2 = arith.addi %0, %1 : i32
    %3 = arith.constant 65536 : i32
    %4 = arith.addi %2, %3 : i32
    %5 = arith.constant 125 : i32
    %6 = arith.addi %4, %5 : i32
    %7 = arith.constant 4096 : i32
    %8 = arith.divsi %6, %7 : i32
    %9 = arith.constant 2 : i32
    %10 = arith.addi %8, %9 : i32
    %11 = llvm.call @fidelity_region_create(%10) : (i32) -> !llvm.ptr
    %12 = llvm.mlir.undef : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %13 = llvm.insertvalue %arg0, %12[0] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %14 = arith.constant 8 : i32
    %15 = arith.extsi %14 : i32 to i64
    %16 = arith.constant 4 : i64
    %17 = arith.muli %15, %16 : i64
    %18 = llvm.call @fidelity_region_alloc(%11, %17, %16) : (!llvm.ptr, i64, i64) -> !llvm.ptr
    %19 = llvm.insertvalue %18, %13[1] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %20 = arith.extsi %1 : i32 to i64
    %21 = arith.constant 1 : i64
    %22 = llvm.call @fidelity_region_alloc(%11, %20, %21) : (!llvm.ptr, i64, i64) -> !llvm.ptr
    %23 = llvm.insertvalue %22, %19[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %24 = arith.extsi %3 : i32 to i64
    %25 = llvm.call @fidelity_region_alloc(%11, %24, %21) : (!llvm.ptr, i64, i64) -> !llvm.ptr
    %26 = llvm.insertvalue %25, %23[3] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %27 = arith.extsi %5 : i32 to i64
    %28 = llvm.call @fidelity_region_alloc(%11, %27, %21) : (!llvm.ptr, i64, i64) -> !llvm.ptr
    %29 = llvm.insertvalue %28, %26[4] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
    %30 = func.call @readRequest(%29) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>) -> i32
    %31 = arith.constant 0 : i32
    %32 = arith.cmpi slt, %30, %31 : i32
    scf.if %32 {
      %33 = llvm.mlir.addressof @str24 : !llvm.ptr
      %34 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %35 = llvm.insertvalue %33, %34[0] : !llvm.struct<(ptr, i64)>
      %36 = arith.constant 35 : i64
      %37 = llvm.insertvalue %36, %35[1] : !llvm.struct<(ptr, i64)>
      %38 = llvm.mlir.addressof @str10 : !llvm.ptr
      %39 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %40 = llvm.insertvalue %38, %39[0] : !llvm.struct<(ptr, i64)>
      %41 = arith.constant 0 : i64
      %42 = llvm.insertvalue %41, %40[1] : !llvm.struct<(ptr, i64)>
      %43 = func.call @httpError(%37, %42) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      %44 = func.call @writeString(%arg0, %43) : (i32, !llvm.struct<(ptr, i64)>) -> i1
      scf.yield
    } else {
      %45 = arith.cmpi sgt, %30, %31 : i32
      scf.if %45 {
        %46 = llvm.extractvalue %29[2] : !llvm.struct<(i32, ptr, ptr, ptr, ptr)>
        %47 = arith.extsi %30 : i32 to i64
        %48 = llvm.call @fidelity_string_from_bytes(%46, %47) : (!llvm.ptr, i64) -> !llvm.struct<(ptr, i64)>
        %49 = func.call @handleUpgrade(%arg0, %48) : (i32, !llvm.struct<(ptr, i64)>) -> i1
        scf.if %49 {
          func.call @echoLoop(%29) : (!llvm.struct<(i32, ptr, ptr, ptr, ptr)>) -> ()
          scf.yield
        }
        scf.yield
      }
      scf.yield
    }
    %50 = llvm.call @close(%arg0) : (i32) -> i32
    llvm.call @fidelity_region_scope_exit(%11) : (!llvm.ptr) -> ()
    func.return
  }
  func.func @main(%arg0: i32, %arg1: !llvm.ptr) -> i32 {
    %0 = llvm.call @fidelity_args(%arg0, %arg1) : (i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
    %1 = arith.constant 1 : i64
    %2 = llvm.alloca %1 x i32 : (i64) -> !llvm.ptr
    %3 = llvm.alloca %1 x i1 : (i64) -> !llvm.ptr
    %4 = llvm.extractvalue %0[1] : !llvm.struct<(ptr, i64)>
    %5 = arith.trunci %4 : i64 to i32
    %6 = arith.constant 0 : i32
    %7 = arith.cmpi sgt, %5, %6 : i32
    %8 = scf.if %7 -> (i32) {
      %9 = llvm.extractvalue %0[0] : !llvm.struct<(ptr, i64)>
      %10 = llvm.getelementptr %9[%6] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(ptr, i64)>
      %11 = llvm.load %10 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %12 = llvm.call @fidelity_parse_int(%11) : (!llvm.struct<(ptr, i64)>) -> i32
      scf.yield %12 : i32
    } else {
      %13 = arith.constant 8080 : i32
      scf.yield %13 : i32
    }
    %14 = llvm.extractvalue %0[1] : !llvm.struct<(ptr, i64)>
    %15 = arith.trunci %14 : i64 to i32
    %16 = arith.constant 1 : i32
    %17 = arith.cmpi sgt, %15, %16 : i32
    %18 = scf.if %17 -> (i32) {
      %19 = llvm.extractvalue %0[0] : !llvm.struct<(ptr, i64)>
      %20 = llvm.getelementptr %19[%16] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(ptr, i64)>
      %21 = llvm.load %20 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %22 = llvm.call @fidelity_parse_int(%21) : (!llvm.struct<(ptr, i64)>) -> i32
      scf.yield %22 : i32
    } else {
      scf.yield %6 : i32
    }
    %23 = llvm.mlir.addressof @str25 : !llvm.ptr
    %24 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %25 = llvm.insertvalue %23, %24[0] : !llvm.struct<(ptr, i64)>
    %26 = arith.constant 29 : i64
    %27 = llvm.insertvalue %26, %25[1] : !llvm.struct<(ptr, i64)>
    llvm.call @fidelity_console_writeln(%27) : (!llvm.struct<(ptr, i64)>) -> ()
    %28 = arith.constant 2 : i32
    %29 = llvm.call @socket(%28, %16, %6) : (i32, i32, i32) -> i32
    %30 = arith.cmpi sge, %29, %6 : i32
    %31 = scf.if %30 -> (i1) {
      %32 = llvm.mlir.addressof @str26 : !llvm.ptr
      %33 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %34 = llvm.insertvalue %32, %33[0] : !llvm.struct<(ptr, i64)>
      %35 = arith.constant 7 : i64
      %36 = llvm.insertvalue %35, %34[1] : !llvm.struct<(ptr, i64)>
      %37 = llvm.call @fidelity_sockaddr_ipv4(%36, %8) : (!llvm.struct<(ptr, i64)>, i32) -> !llvm.ptr
      %38 = arith.constant 16 : i32
      %39 = llvm.call @bind(%29, %37, %38) : (i32, !llvm.ptr, i32) -> i32
      %40 = arith.cmpi eq, %39, %6 : i32
      scf.yield %40 : i1
    } else {
      %41 = arith.constant false
      scf.yield %41 : i1
    }
    %42 = scf.if %31 -> (i1) {
      %43 = arith.constant 128 : i32
      %44 = llvm.call @listen(%29, %43) : (i32, i32) -> i32
      %45 = arith.cmpi eq, %44, %6 : i32
      scf.yield %45 : i1
    } else {
      %46 = arith.constant false
      scf.yield %46 : i1
    }
    %47 = arith.constant true
    %48 = arith.xori %42, %47 : i1
    %49 = scf.if %48 -> (i32) {
      %50 = llvm.mlir.addressof @str27 : !llvm.ptr
      %51 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %52 = llvm.insertvalue %50, %51[0] : !llvm.struct<(ptr, i64)>
      %53 = arith.constant 22 : i64
      %54 = llvm.insertvalue %53, %52[1] : !llvm.struct<(ptr, i64)>
      %55 = llvm.call @fidelity_format_int(%8) : (i32) -> !llvm.struct<(ptr, i64)>
      %56 = llvm.call @fidelity_string_concat(%54, %55) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      llvm.call @fidelity_console_writeln(%56) : (!llvm.struct<(ptr, i64)>) -> ()
      %57 = arith.cmpi sge, %29, %6 : i32
      scf.if %57 {
        %58 = llvm.call @close(%29) : (i32) -> i32
        scf.yield
      }
      scf.yield %16 : i32
    } else {
      %59 = llvm.mlir.addressof @str28 : !llvm.ptr
      %60 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %61 = llvm.insertvalue %59, %60[0] : !llvm.struct<(ptr, i64)>
      %62 = arith.constant 28 : i64
      %63 = llvm.insertvalue %62, %61[1] : !llvm.struct<(ptr, i64)>
      %64 = llvm.call @fidelity_format_int(%8) : (i32) -> !llvm.struct<(ptr, i64)>
      %65 = llvm.call @fidelity_string_concat(%63, %64) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      llvm.call @fidelity_console_writeln(%65) : (!llvm.struct<(ptr, i64)>) -> ()
      llvm.store %6, %2 : i32, !llvm.ptr
      llvm.store %47, %3 : i1, !llvm.ptr
      scf.while : () -> () {
        %66 = llvm.load %3 : !llvm.ptr -> i1
        %67 = scf.if %66 -> (i1) {
          %68 = arith.cmpi eq, %18, %6 : i32
          %69 = scf.if %68 -> (i1) {
            scf.yield %47 : i1
          } else {
            %70 = llvm.load %2 : !llvm.ptr -> i32
            %71 = arith.cmpi slt, %70, %18 : i32
            scf.yield %71 : i1
          }
          scf.yield %69 : i1
        } else {
          %72 = arith.constant false
          scf.yield %72 : i1
        }
        scf.condition(%67)
      } do {
        %73 = llvm.mlir.zero : !llvm.ptr
        %74 = llvm.mlir.zero : !llvm.ptr
        %75 = llvm.call @accept(%29, %73, %74) : (i32, !llvm.ptr, !llvm.ptr) -> i32
        %76 = arith.cmpi slt, %75, %6 : i32
        scf.if %76 {
          %77 = llvm.mlir.addressof @str29 : !llvm.ptr
          %78 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
          %79 = llvm.insertvalue %77, %78[0] : !llvm.struct<(ptr, i64)>
          %80 = arith.constant 13 : i64
          %81 = llvm.insertvalue %80, %79[1] : !llvm.struct<(ptr, i64)>
          llvm.call @fidelity_console_writeln(%81) : (!llvm.struct<(ptr, i64)>) -> ()
          %82 = arith.constant false
          llvm.store %82, %3 : i1, !llvm.ptr
          scf.yield
        } else {
          %83 = llvm.mlir.addressof @str30 : !llvm.ptr
          %84 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
          %85 = llvm.insertvalue %83, %84[0] : !llvm.struct<(ptr, i64)>
          %86 = arith.constant 16 : i64
          %87 = llvm.insertvalue %86, %85[1] : !llvm.struct<(ptr, i64)>
          llvm.call @fidelity_console_writeln(%87) : (!llvm.struct<(ptr, i64)>) -> ()
          func.call @handleClient(%75) : (i32) -> ()
          %88 = llvm.load %2 : !llvm.ptr -> i32
          %89 = arith.addi %88, %16 : i32
          llvm.store %89, %2 : i32, !llvm.ptr
          scf.yield
        }
        scf.yield
      }
      %90 = llvm.call @close(%29) : (i32) -> i32
      %91 = llvm.load %3 : !llvm.ptr -> i1
      %92 = scf.if %91 -> (i32) {
        scf.yield %6 : i32
      } else {
        scf.yield %16 : i32
      }
      scf.yield %92 : i32
    }
    func.return %49 : i32
  }
}
