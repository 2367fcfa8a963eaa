# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers every folder uses: the project's warning set and sanitizer flags
# (applied per target, never globally), unit-test registration, and
# integration-test registration through the mode selector.

set(HVM_WARNINGS
	-Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes
	-Wshadow -Wvla -Wundef -Wpointer-arith)
set(HVM_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
	-fno-omit-frame-pointer)

# hvm_target_defaults(TARGET): warnings, -Werror in CI, sanitizers if enabled.
function(hvm_target_defaults target)
	target_compile_options(${target} PRIVATE ${HVM_WARNINGS})
	if(HVM_WERROR)
		target_compile_options(${target} PRIVATE -Werror)
	endif()
	if(HVM_SANITIZE)
		target_compile_options(${target} PRIVATE ${HVM_SANITIZE_FLAGS})
		target_link_options(${target} PRIVATE ${HVM_SANITIZE_FLAGS})
	endif()
endfunction()

# hvm_add_unit_test(NAME SOURCES... [LIBS lib...]): a test program beside the
# unit it tests, labelled "unit".
function(hvm_add_unit_test name)
	cmake_parse_arguments(T "" "" "LIBS" ${ARGN})
	add_executable(${name} ${T_UNPARSED_ARGUMENTS})
	hvm_target_defaults(${name})
	target_link_libraries(${name} PRIVATE hvm_testlib ${T_LIBS})
	add_test(NAME ${name} COMMAND ${name})
	set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 60)
endfunction()

# hvm_add_integration_test(NAME COMMAND...): runs COMMAND natively when this
# machine's KVM can run unmodified guests, else inside the test host
# (tests/lib/run-integration decides and says which). TIMEOUT (seconds,
# default 900) bounds the test.
function(hvm_add_integration_test name)
	cmake_parse_arguments(T "" "TIMEOUT" "" ${ARGN})
	if(NOT T_TIMEOUT)
		set(T_TIMEOUT 900)
	endif()
	add_test(NAME ${name}
		COMMAND ${PROJECT_SOURCE_DIR}/tests/lib/run-integration
			${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}
			${T_UNPARSED_ARGUMENTS})
	# The test host's own bound ends a hung run 30 s before ctest's, so
	# the test still prints the guest's last console lines.
	math(EXPR host_timeout "${T_TIMEOUT} - 30")
	set_tests_properties(${name} PROPERTIES LABELS integration
		TIMEOUT ${T_TIMEOUT}
		ENVIRONMENT HVM_TESTHOST_TIMEOUT=${host_timeout})
endfunction()

# hvm_check_headers(TARGET DIR): every public header under DIR must compile
# on its own (STYLE.md section 1); builds one tiny object per header.
function(hvm_check_headers target dir)
	file(GLOB_RECURSE headers RELATIVE ${dir} ${dir}/*.h)
	set(srcs "")
	foreach(h ${headers})
		string(MAKE_C_IDENTIFIER ${h} id)
		set(c ${CMAKE_CURRENT_BINARY_DIR}/header-check/${id}.c)
		file(WRITE ${c} "#include \"${h}\"\n")
		list(APPEND srcs ${c})
	endforeach()
	add_library(${target}-headers OBJECT ${srcs})
	target_include_directories(${target}-headers PRIVATE ${dir})
	hvm_target_defaults(${target}-headers)
endfunction()
