module {
  llvm.func @fidelity_args(i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
  llvm.func @fidelity_console_writeln(!llvm.struct<(ptr, i64)>)
  llvm.mlir.global internal constant @str0("Hello, World!") {addr_space = 0 : i32}
  func.func @main(%arg0: i32, %arg1: !llvm.ptr) -> i32 {
    %0 = llvm.call @fidelity_args(%arg0, %arg1) : (i32, !llvm.ptr) -> !llvm.struct<(ptr, i64)>
    %1 = llvm.mlir.addressof @str0 : !llvm.ptr
    %2 = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
    %3 = llvm.insertvalue %1, %2[0] : !llvm.struct<(ptr, i64)>
    %4 = arith.constant 13 : i64
    %5 = llvm.insertvalue %4, %3[1] : !llvm.struct<(ptr, i64)>
    llvm.call @fidelity_console_writeln(%5) : (!llvm.struct<(ptr, i64)>) -> ()
    %6 = arith.constant 0 : i32
    func.return %6 : i32
  }
}
