module {
  llvm.func @fidelity_args(i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_parse_int(!llvm.struct<(ptr, i64)>) -> i32
  llvm.func @fidelity_format_int(i32) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_string_concat(!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_console_writeln(!llvm.struct<(ptr, i64)>)
  llvm.func @socket(i32, i32, i32) -> i32
  llvm.func @fidelity_sockaddr_ipv4(!llvm.struct<(ptr, i64)>, i32) -> !llvm.ptr
  llvm.func @bind(i32, !llvm.ptr, i32) -> i32
  llvm.func @listen(i32, i32) -> i32
  llvm.func @close(i32) -> i32
  llvm.mlir.global internal constant @str0("=== Socket Basics: 127.0.0.1:") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str1(" ===") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str2("socket: fd ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str3("127.0.0.1") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str4("bind: ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str5("listen: ") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @str6("close: ") {addr_space = 0 : i32}
  func.func @main(%arg0: i32, %arg1: !llvm.ptr) -> i32 {
    %0 = llvm.call @fidelity_args(%arg0, %arg1) : (i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
    %1 = arith.constant 1 : i64
    %2 = llvm.alloca %1 x i1 : (i64) -> !llvm.ptr
    %3 = llvm.extractvalue %0[1] : !llvm.struct<(ptr, i64)>
    %4 = arith.trunci %3 : i64 to i32
    %5 = arith.constant 0 : i32
    %6 = arith.cmpi sgt, %4, %5 : i32
    %7 = scf.if %6 -> (i32) {
      %8 = llvm.extractvalue %0[0] : !llvm.struct<(ptr, i64)>
      %9 = llvm.getelementptr %8[%5] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(ptr, i64)>
      %10 = llvm.load %9 : !llvm.ptr -> !llvm.struct<(ptr, i64)>
      %11 = llvm.call @fidelity_parse_int(%10) : (!llvm.struct<(ptr, i64)>) -> i32
      scf.yield %11 : i32
    } else {
      %12 = arith.constant 8081 : i32
      scf.yield %12 : i32
    }
    %13 = llvm.mlir.addressof @str0 : !llvm.ptr
    %14 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %15 = llvm.insertvalue %13, %14[0] : !llvm.struct<(ptr, i64)>
    %16 = arith.constant 29 : i64
    %17 = llvm.insertvalue %16, %15[1] : !llvm.struct<(ptr, i64)>
    %18 = llvm.call @fidelity_format_int(%7) : (i32) -> !llvm.struct<(ptr, i64)>
    %19 = llvm.call @fidelity_string_concat(%17, %18) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    %20 = llvm.mlir.addressof @str1 : !llvm.ptr
    %21 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %22 = llvm.insertvalue %20, %21[0] : !llvm.struct<(ptr, i64)>
    %23 = arith.constant 4 : i64
    %24 = llvm.insertvalue %23, %22[1] : !llvm.struct<(ptr, i64)>
    %25 = llvm.call @fidelity_string_concat(%19, %24) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    llvm.call @fidelity_console_writeln(%25) : (!llvm.struct<(ptr, i64)>) -> ()
    %26 = arith.constant 2 : i32
    %27 = arith.constant 1 : i32
    %28 = llvm.call @socket(%26, %27, %5) : (i32, i32, i32) -> i32
    %29 = llvm.mlir.addressof @str2 : !llvm.ptr
    %30 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %31 = llvm.insertvalue %29, %30[0] : !llvm.struct<(ptr, i64)>
    %32 = arith.constant 11 : i64
    %33 = llvm.insertvalue %32, %31[1] : !llvm.struct<(ptr, i64)>
    %34 = llvm.call @fidelity_format_int(%28) : (i32) -> !llvm.struct<(ptr, i64)>
    %35 = llvm.call @fidelity_string_concat(%33, %34) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
    llvm.call @fidelity_console_writeln(%35) : (!llvm.struct<(ptr, i64)>) -> ()
    %36 = arith.cmpi slt, %28, %5 : i32
    llvm.store %36, %2 : i1, !llvm.ptr
    %37 = llvm.load %2 : !llvm.ptr -> i1
    %38 = arith.constant true
    %39 = arith.xori %37, %38 : i1
    scf.if %39 {
      %40 = llvm.mlir.addressof @str3 : !llvm.ptr
      %41 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %42 = llvm.insertvalue %40, %41[0] : !llvm.struct<(ptr, i64)>
      %43 = arith.constant 9 : i64
      %44 = llvm.insertvalue %43, %42[1] : !llvm.struct<(ptr, i64)>
      %45 = llvm.call @fidelity_sockaddr_ipv4(%44, %7) : (!llvm.struct<(ptr, i64)>, i32) -> !llvm.ptr
      %46 = arith.constant 16 : i32
      %47 = llvm.call @bind(%28, %45, %46) : (i32, !llvm.ptr, i32) -> i32
      %48 = llvm.mlir.addressof @str4 : !llvm.ptr
      %49 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %50 = llvm.insertvalue %48, %49[0] : !llvm.struct<(ptr, i64)>
      %51 = arith.constant 6 : i64
      %52 = llvm.insertvalue %51, %50[1] : !llvm.struct<(ptr, i64)>
      %53 = llvm.call @fidelity_format_int(%47) : (i32) -> !llvm.struct<(ptr, i64)>
      %54 = llvm.call @fidelity_string_concat(%52, %53) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      llvm.call @fidelity_console_writeln(%54) : (!llvm.struct<(ptr, i64)>) -> ()
      %55 = arith.cmpi ne, %47, %5 : i32
      llvm.store %55, %2 : i1, !llvm.ptr
      %56 = llvm.load %2 : !llvm.ptr -> i1
      %57 = arith.xori %56, %38 : i1
      scf.if %57 {
        %58 = arith.constant 10 : i32
        %59 = llvm.call @listen(%28, %58) : (i32, i32) -> i32
        %60 = llvm.mlir.addressof @str5 : !llvm.ptr
        %61 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
        %62 = llvm.insertvalue %60, %61[0] : !llvm.struct<(ptr, i64)>
        %63 = arith.constant 8 : i64
        %64 = llvm.insertvalue %63, %62[1] : !llvm.struct<(ptr, i64)>
        %65 = llvm.call @fidelity_format_int(%59) : (i32) -> !llvm.struct<(ptr, i64)>
        %66 = llvm.call @fidelity_string_concat(%64, %65) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
        llvm.call @fidelity_console_writeln(%66) : (!llvm.struct<(ptr, i64)>) -> ()
        %67 = arith.cmpi ne, %59, %5 : i32
        llvm.store %67, %2 : i1, !llvm.ptr
        scf.yield
      }
      %68 = llvm.call @close(%28) : (i32) -> i32
      %69 = llvm.mlir.addressof @str6 : !llvm.ptr
      %70 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
      %71 = llvm.insertvalue %69, %70[0] : !llvm.struct<(ptr, i64)>
      %72 = arith.constant 7 : i64
      %73 = llvm.insertvalue %72, %71[1] : !llvm.struct<(ptr, i64)>
      %74 = llvm.call @fidelity_format_int(%68) : (i32) -> !llvm.struct<(ptr, i64)>
      %75 = llvm.call @fidelity_string_concat(%73, %74) : (!llvm.struct<(ptr, i64)>, !llvm.struct<(ptr, i64)>) -> !llvm.struct<(ptr, i64)>
      llvm.call @fidelity_console_writeln(%75) : (!llvm.struct<(ptr, i64)>) -> ()
      %76 = arith.cmpi ne, %68, %5 : i32
      scf.if %76 {
        llvm.store %38, %2 : i1, !llvm.ptr
        scf.yield
      }
      scf.yield
    }
    %77 = llvm.load %2 : !llvm.ptr -> i1
    %78 = scf.if %77 -> (i32) {
      scf.yield %27 : i32
    } else {
      scf.yield %5 : i32
    }
    func.return %78 : i32
  }
}
