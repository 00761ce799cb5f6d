# perl: regexes, hashes, sorting, sprintf, pack, files, pipes to and from programs, fork.
use strict;
use warnings;
use Digest::MD5 qw(md5_hex);
use List::Util qw(sum max first);
use POSIX qw(floor ceil);

my $text = "The quick brown fox jumps over the lazy dog";
my %count;
$count{lc $_}++ for $text =~ /\w/g;
print join(' ', map { "$_=$count{$_}" } grep { $count{$_} > 1 } sort keys %count), "\n";
(my $swapped = $text) =~ s/(\w+) (\w+)/$2 $1/g;
print "$swapped\n";
my @w = split ' ', $text;
my ($longest) = sort { length $b <=> length $a || $a cmp $b } @w;
print "words: ", scalar(@w), ", longest: $longest\n";
printf "%-8s|%5.2f|%03d|%x|%e\n", 'perl', 3.14159, 7, 255, 12345.678;
my $first = first { $_ > 3 } 1, 5, 2, 8;
print "sum ", sum(1 .. 100), " max ", max(3, 9, 2), " first>3 $first\n";
print floor(-2.5), " ", ceil(2.1), " ", 2**40, " ", 10 / 3, "\n";
print "md5 ", md5_hex($text), "\n";
print "pack ", unpack('H*', pack('nNv', 258, 16909060, 513)), "\n";
my @sorted = sort { $a->[1] <=> $b->[1] or $a->[0] cmp $b->[0] } map { [$_, length $_] } qw(pear fig apple kiwi date);
print join(',', map { $_->[0] } @sorted), "\n";
my %h = (one => 1, two => 2, three => 3);
while (my ($k, $v) = each %h) { $h{$k} = $v * 10 }
print join(' ', map { "$_:$h{$_}" } sort { $h{$a} <=> $h{$b} } keys %h), "\n";

open(my $out, '>', 'perl-out.txt') or die "open: $!";
print $out "line $_\n" for 1 .. 5;
close $out;
open(my $in, '<', 'perl-out.txt') or die "open: $!";
my @lines = <$in>;
close $in;
print "read ", scalar(@lines), " lines, last: $lines[-1]";
print "size ", -s 'perl-out.txt', "\n";

open(my $sort, '|-', 'sort', '-r') or die "pipe: $!";
print $sort "$_\n" for qw(b c a);
close $sort;
my $wc = `printf 'x\\ny\\n' | wc -l`;
print "backticks: $wc";
open(my $ls, '-|', 'ls', '-1') or die "pipe: $!";
print "ls: ", join(' ', map { chomp; $_ } <$ls>), "\n";
close $ls;

my $pid = fork() // die "fork: $!";
if ($pid == 0) { print "child\n"; exit 7 }
waitpid($pid, 0);
print "child exit ", $? >> 8, "\n";
system('sh', '-c', 'exit 3');
print "system status ", $? >> 8, "\n";
eval { die "oops\n" }; print "caught: $@";
local $SIG{ALRM} = sub { die "alarm\n" };
print "sprintf list: ", sprintf('%s-%s', split(/,/, 'a,b')), "\n";
warn "a warning\n";
exit 2;
