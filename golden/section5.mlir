// The seed's section 5, the contract of spec/mlir.md ("Section 5 is the contract"): the write of a
// text frame's header (FIN=1, opcode=1, mask=0, length 50) and of its 50-byte payload. The body of
// @writeTextHeader50 is the spec's sequence as written there, names and comments included; the
// function around it and the declaration of @write only make it a module mlir-opt-19 accepts.
// Written by hand, not generated: `npm run golden:update` never rewrites it.
module {
  llvm.func @write(i32, !llvm.ptr, i64) -> i64
  func.func @writeTextHeader50(%client: i32, %payload: !llvm.ptr) {
    %c2 = arith.constant 2 : i64                              // header size
    %header = llvm.alloca %c2 x i8 : (i64) -> !llvm.ptr
    %b0 = arith.constant 0x81 : i8                            // FIN=1, opcode=1 (text)
    %h0 = llvm.getelementptr %header[0] : (!llvm.ptr) -> !llvm.ptr, i8
    llvm.store %b0, %h0 : i8, !llvm.ptr
    %b1 = arith.constant 50 : i8                              // mask=0, len=50
    %h1 = llvm.getelementptr %header[1] : (!llvm.ptr) -> !llvm.ptr, i8
    llvm.store %b1, %h1 : i8, !llvm.ptr
    %r0 = llvm.call @write(%client, %header, %c2) : (i32, !llvm.ptr, i64) -> i64
    %c50 = arith.constant 50 : i64
    %r1 = llvm.call @write(%client, %payload, %c50) : (i32, !llvm.ptr, i64) -> i64
    func.return
  }
}
